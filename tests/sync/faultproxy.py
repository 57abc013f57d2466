"""TCP proxies on 127.0.0.1 for the sync tests and benchmark.

`FaultProxy` reads just enough HTTP/1.1 (request head, Content-Length body,
response head and body) to fault whole requests, seeded: drop the connection
before forwarding, drop it after the server answered (the client never learns),
cut a request body half-way, cut a response half-way, delay, or answer 503
itself. A `decide(request)` hook picks faults for one test. It also counts
requests and bytes.

`ThrottleProxy` is a byte pipe that models one slow link per direction: a
fixed rate shared by all connections (bytes queue behind each other) plus a
one-way delay, like a 3G uplink; it counts the bytes that crossed it.
"""

from __future__ import annotations

import queue
import random
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

FAULTS = ("drop", "drop_after", "cut_request", "cut_response", "delay", "503")


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    head: bytes
    body: bytes


@dataclass
class Seen:
    method: str
    path: str
    offset: int | None
    body_len: int
    fault: str | None


class _Reader:
    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.buf = b""

    def _fill(self) -> bool:
        data = self.sock.recv(65536)
        if not data:
            return False
        self.buf += data
        return True

    def head(self) -> bytes | None:
        while b"\r\n\r\n" not in self.buf:
            if not self._fill():
                return None
        end = self.buf.index(b"\r\n\r\n") + 4
        head, self.buf = self.buf[:end], self.buf[end:]
        return head

    def exact(self, n: int) -> bytes | None:
        while len(self.buf) < n:
            if not self._fill():
                return None
        out, self.buf = self.buf[:n], self.buf[n:]
        return out


def _headers(head: bytes) -> tuple[str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    out = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            out[k.strip().lower()] = v.strip()
    return lines[0], out


def _read_request(reader: _Reader) -> Request | None:
    """The next request on a client connection (None: it closed)."""
    head = reader.head()
    if head is None:
        return None
    start, headers = _headers(head)
    method, path = start.split(" ")[:2]
    body = reader.exact(int(headers.get("content-length", "0") or 0))
    return None if body is None else Request(method, path, headers, head, body)


def _read_response(reader: _Reader, method: str) -> tuple[bytes, dict[str, str], bytes] | None:
    """(head, headers, body) of the answer on a server connection (None: it closed)."""
    rhead = reader.head()
    if rhead is None:
        return None
    _status, rheaders = _headers(rhead)
    rbody = reader.exact(0 if method == "HEAD" else int(rheaders.get("content-length", "0") or 0))
    return None if rbody is None else (rhead, rheaders, rbody)


_503 = (b'{"code":"500.1","status":503,"message":"Server sibuk (uji).","message_en":"busy (test)","details":{}}')


class _LoopbackProxy:
    """A listener on a free port of 127.0.0.1 whose accept loop (`_accept`) runs
    on a thread of its own; `close` (or leaving the ``with`` block) stops it and
    closes every connection registered with `_track`."""

    def _listen(self, name: str) -> None:
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = False
        self._socks: set[socket.socket] = set()
        self._socks_lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, name=name, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        """Each connection served by `_serve` on a thread of its own (a proxy may do otherwise)."""
        while not self._stop:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:  # pragma: no cover - each proxy has its own
        raise NotImplementedError

    def _track(self, *socks: socket.socket) -> None:
        with self._socks_lock:
            self._socks.update(socks)

    def _untrack(self, sock: socket.socket) -> None:
        with self._socks_lock:
            self._socks.discard(sock)

    def close(self) -> None:
        self._stop = True
        _close(self.listener)  # shutdown wakes the thread blocked in accept()
        with self._socks_lock:
            socks = list(self._socks)
        for sock in socks:
            _close(sock)
        self._thread.join(timeout=5)

    def __enter__(self):  # noqa: ANN204 - the proxy itself
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class FaultProxy(_LoopbackProxy):
    """An HTTP-aware fault injector between a client and `upstream_port`.

    Args:
        probabilities: fault name -> probability per request (see `FAULTS`).
        seed: for the random choices.
        decide: optional hook ``decide(request) -> fault | None`` tried first;
            a fault may be ``("cut_request", n)`` to forward only n body bytes,
            or ``("corrupt", i)`` to flip body byte i (not among the random `FAULTS`).
        max_delay: seconds, for ``delay``.
    """

    def __init__(self, upstream_port: int, *, probabilities: dict[str, float] | None = None, seed: int = 0,
                 decide: Callable[[Request], object] | None = None, max_delay: float = 0.2):
        self.upstream_port = upstream_port
        self.probabilities = dict(probabilities or {})
        self.rng = random.Random(seed)
        self.decide = decide
        self.max_delay = max_delay
        self.lock = threading.Lock()
        self.seen: list[Seen] = []
        self.faults: Counter = Counter()
        self.bytes_up = 0
        self.bytes_down = 0
        self._listen("faultproxy")

    # -- control ---------------------------------------------------------------------

    def count(self, method: str, prefix: str = "") -> int:
        with self.lock:
            return sum(1 for s in self.seen if s.method == method and s.path.startswith(prefix))

    def body_bytes(self, method: str, prefix: str = "", *, faulted: bool | None = None) -> int:
        with self.lock:
            return sum(s.body_len for s in self.seen if s.method == method and s.path.startswith(prefix)
                       and (faulted is None or (s.fault is not None) == faulted))

    # -- work ------------------------------------------------------------------------

    def _pick(self, req: Request):  # noqa: ANN202
        if self.decide is not None:
            chosen = self.decide(req)
            if chosen is not None:
                return chosen
        with self.lock:
            roll = self.rng.random()
        acc = 0.0
        for name in FAULTS:
            acc += self.probabilities.get(name, 0.0)
            if roll < acc:
                return name
        return None

    def _serve(self, client: socket.socket) -> None:
        upstream = None
        self._track(client)
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30)
            self._track(upstream)
            creader, ureader = _Reader(client), _Reader(upstream)
            while not self._stop:
                req = _read_request(creader)
                if req is None:
                    return
                method, path, headers, head, body = req.method, req.path, req.headers, req.head, req.body
                fault = self._pick(req)
                name = fault[0] if isinstance(fault, tuple) else fault
                offset = headers.get("upload-offset")
                with self.lock:
                    self.seen.append(Seen(method, path, int(offset) if offset and offset.isdigit() else None,
                                          len(body), name))
                    if name:
                        self.faults[name] += 1
                if name == "drop":
                    return
                if name == "503":
                    client.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                   b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(_503), _503))
                    return
                if name == "delay":
                    with self.lock:
                        pause = self.rng.uniform(0.0, self.max_delay)
                    time.sleep(pause)
                if name == "cut_request":
                    n = fault[1] if isinstance(fault, tuple) else len(body) // 2
                    upstream.sendall(head + body[:n])
                    with self.lock:
                        self.bytes_up += len(head) + n
                    time.sleep(0.05)
                    return
                if name == "corrupt":  # one byte flipped on the way (a damage TCP's checksum missed)
                    at = fault[1] if isinstance(fault, tuple) else len(body) - 1
                    body = body[:at] + bytes([body[at] ^ 0x5A]) + body[at + 1:]
                upstream.sendall(head + body)
                with self.lock:
                    self.bytes_up += len(head) + len(body)
                response = _read_response(ureader, method)
                if response is None:
                    return
                rhead, rheaders, rbody = response
                if name == "drop_after":
                    return
                answer = rhead + rbody
                if name == "cut_response":
                    client.sendall(answer[:max(1, len(answer) // 2)])
                    return
                client.sendall(answer)
                with self.lock:
                    self.bytes_down += len(answer)
                if rheaders.get("connection", "").lower() == "close":
                    return
        except OSError:
            return
        finally:
            for s in (client, upstream):
                if s is not None:
                    _close(s)
                    self._untrack(s)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass


# --------------------------------------------------------------------------- throttling


@dataclass
class _Link:
    """One direction of a slow link: `rate` bytes/s shared by every connection, `delay` s one way."""

    rate: float
    delay: float
    free_at: float = 0.0
    bytes: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def schedule(self, n: int) -> float:
        """When `n` bytes handed over now arrive at the far end."""
        with self.lock:
            now = time.monotonic()
            start = max(now, self.free_at)
            self.free_at = start + n / self.rate
            self.bytes += n
            return self.free_at + self.delay


class ThrottleProxy(_LoopbackProxy):
    """A byte pipe to `upstream_port` through a modelled link.

    Args:
        rate_bps: bits per second in each direction (1_000_000 = 1 Mbit/s).
        rtt: added round-trip time in seconds, half on each direction.
        chunk: bytes read at a time (the link's granularity).
    """

    def __init__(self, upstream_port: int, *, rate_bps: float | None = None, rtt: float = 0.0, chunk: int = 4096):
        rate = (rate_bps / 8.0) if rate_bps else float("inf")
        self.up = _Link(rate, rtt / 2)
        self.down = _Link(rate, rtt / 2)
        self.chunk = chunk
        self.upstream_port = upstream_port
        self.connections = 0
        self._lock = threading.Lock()
        self._listen("throttle")

    @property
    def bytes_up(self) -> int:
        return self.up.bytes

    @property
    def bytes_down(self) -> int:
        return self.down.bytes

    def reset_counts(self) -> None:
        self.up.bytes = self.down.bytes = 0
        self.connections = 0

    def _serve(self, client: socket.socket) -> None:
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
        except OSError:
            _close(client)
            return
        upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._track(client, upstream)
        with self._lock:
            self.connections += 1
        for src, dst, link in ((client, upstream, self.up), (upstream, client, self.down)):
            q: queue.Queue = queue.Queue()
            threading.Thread(target=self._read, args=(src, link, q), daemon=True).start()
            threading.Thread(target=self._write, args=(dst, q), daemon=True).start()

    def _read(self, src: socket.socket, link: _Link, q: queue.Queue) -> None:
        try:
            while True:
                data = src.recv(self.chunk)
                if not data:
                    break
                q.put((link.schedule(len(data)), data))
        except OSError:
            pass
        q.put((None, None))

    def _write(self, dst: socket.socket, q: queue.Queue) -> None:
        try:
            while True:
                at, data = q.get()
                if data is None:
                    break
                pause = at - time.monotonic()
                if pause > 0:
                    time.sleep(pause)
                dst.sendall(data)
            dst.shutdown(socket.SHUT_WR)
        except OSError:
            pass


class AlternatingProxy(_LoopbackProxy):
    """A load balancer between a client and several servers (`upstream_ports`) that
    alternates per request, not per connection: the n-th request for a path goes to
    server n mod count (so the chunks of one resumable upload alternate), any other
    request to the next server in turn. `served` lists (method, path, server index)."""

    def __init__(self, upstream_ports: list[int]):
        self.upstream_ports = list(upstream_ports)
        self.lock = threading.Lock()
        self.served: list[tuple[str, str, int]] = []
        self._per_path: Counter = Counter()
        self._turn = 0
        self._listen("alternatingproxy")

    def _next(self, method: str, path: str) -> int:
        with self.lock:
            if method in ("PUT", "PATCH"):
                index = self._per_path[path] % len(self.upstream_ports)
                self._per_path[path] += 1
            else:
                index = self._turn % len(self.upstream_ports)
                self._turn += 1
            self.served.append((method, path, index))
            return index

    def _serve(self, client: socket.socket) -> None:
        self._track(client)
        upstreams: dict[int, tuple[socket.socket, _Reader]] = {}  # one kept-alive connection per server
        try:
            creader = _Reader(client)
            while not self._stop:
                req = _read_request(creader)
                if req is None:
                    return
                index = self._next(req.method, req.path)
                if index not in upstreams:
                    sock = socket.create_connection(("127.0.0.1", self.upstream_ports[index]), timeout=60)
                    self._track(sock)
                    upstreams[index] = (sock, _Reader(sock))
                upstream, ureader = upstreams[index]
                upstream.sendall(req.head + req.body)
                response = _read_response(ureader, req.method)
                if response is None:
                    return
                rhead, rheaders, rbody = response
                client.sendall(rhead + rbody)
                if rheaders.get("connection", "").lower() == "close":
                    upstreams.pop(index)[0].close()
        except OSError:
            return
        finally:
            for sock, _reader in upstreams.values():
                self._untrack(sock)
                _close(sock)
            self._untrack(client)
            _close(client)
