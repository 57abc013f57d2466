"""A simulated SBI device service (finger slap scanner and iris camera) for tests and the demo.

`Simulator(port).start()` serves on 127.0.0.1 in a thread; `set_faults`
chooses what goes wrong (see `server.FAULTS`); `python -m
app.biometrics.simulator --port N [--fault NAME …]` runs it on its own.
The code that talks to it is the code that talks to a certified device.
"""

from __future__ import annotations

import json
import random
import threading
import urllib.request

from app.biometrics.simulator.server import FAULTS, Behaviour, SbiService

__all__ = ["FAULTS", "Simulator"]


def _in_sbi_range(behaviour: Behaviour) -> SbiService:
    """A service on a free port of 4501-4600 (tried in random order: other services may hold some)."""
    ports = list(range(4501, 4601))
    random.shuffle(ports)
    for port in ports:
        try:
            return SbiService(port, behaviour)
        except OSError:
            continue
    raise OSError("no free port in 4501-4600")


class Simulator:
    """A running simulated device service (a thread of this process); `port` None: a free one of 4501-4600."""

    def __init__(self, port: int | None = None, *, faults: tuple[str, ...] = (), score: float = 85.0,
                 low_score: float = 25.0, hang_seconds: float = 30.0):
        unknown = [f for f in faults if f not in FAULTS]
        if unknown:
            raise ValueError(f"unknown fault(s): {unknown}")
        self.behaviour = Behaviour(score=score, low_score=low_score, hang_seconds=hang_seconds,
                                   faults={f: None for f in faults})
        self.service = SbiService(port, self.behaviour) if port is not None else _in_sbi_range(self.behaviour)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self.service.port

    def start(self) -> "Simulator":
        self._thread = threading.Thread(target=self.service.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"sbi-simulator-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.service.closing.set()
        self.service.shutdown()
        self.service.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def set_faults(self, *names: str, times: int | None = None, **values: float) -> None:
        """Choose the faults (none: all cleared), for `times` captures or until changed; scores etc."""
        body = {"faults": list(names), **values}
        if times is not None:
            body["times"] = times
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/control", method="POST",
                                         data=json.dumps(body).encode("utf-8"),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=5) as response:
            response.read()

    def captures(self) -> int:
        """How many RCAPTUREs the service has taken."""
        with self.service.lock:
            return self.behaviour.captures

    def __enter__(self) -> "Simulator":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
