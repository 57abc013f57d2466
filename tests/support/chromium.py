"""Debian's headless Chromium, driven over the Chrome DevTools Protocol (websocket).

`Chromium` starts ``chromium --headless`` with a throw-away profile and a
DevTools port on 127.0.0.1 chosen by Chromium itself (read back from the
profile's ``DevToolsActivePort``), connects to its page over a websocket
(websocket-client) and offers the few commands the tests need: navigate,
evaluate a JavaScript expression, wait until one is true, cookies, screenshot.
The browser keeps its cookies like an admin's would, so a login flow runs as
a person would run it (type, click, follow redirects).
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import requests

from support.needed import missing

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                  "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0")


def chromium_binary() -> str:
    """The chromium executable; skips the test, or fails it under CI (`.ci/run` installs it)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    missing("chromium", "Debian's chromium is not installed (apt-get install chromium)")


class CdpError(RuntimeError):
    pass


class Chromium:
    """One headless browser with one page (use as a context manager)."""

    def __init__(self, profile: Path, *, width: int = 1280, height: int = 900, timeout: float = 30):
        import websocket  # websocket-client (test dependency)

        profile.mkdir(parents=True, exist_ok=True)
        self.log = profile.parent / f"{profile.name}.log"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen([chromium_binary(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                                          f"--window-size={width},{height}", "about:blank"],
                                         stdout=log, stderr=subprocess.STDOUT)
        self._id = 0
        try:
            port = self._devtools_port(profile / "DevToolsActivePort", timeout)
            pages = [t for t in requests.get(f"http://127.0.0.1:{port}/json/list", timeout=10).json()
                     if t["type"] == "page"]
            self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=timeout,
                                                  suppress_origin=True)
            self.call("Page.enable")
            self.call("Network.enable")
            self.call("Emulation.setDeviceMetricsOverride",
                      width=width, height=height, deviceScaleFactor=1, mobile=False)
        except BaseException:
            self.close()
            raise

    def _devtools_port(self, path: Path, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if path.exists():
                lines = path.read_text().splitlines()
                if lines and lines[0].isdigit():
                    return int(lines[0])
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"chromium tidak siap:\n{self.log.read_text(errors='replace')[-2000:]}")

    def call(self, method: str, **params: Any) -> dict:
        """One DevTools command; its result (events arriving meanwhile are dropped)."""
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self._id:
                if "error" in message:
                    raise CdpError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise CdpError(f"{expression}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20) -> Any:
        """Evaluate `expression` until it is truthy (a page being replaced meanwhile is waited out)."""
        deadline = time.monotonic() + timeout
        last: Any = None
        while time.monotonic() < deadline:
            try:
                last = self.evaluate(expression)
                if last:
                    return last
            except CdpError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"tidak terjadi dalam {timeout} detik: {expression} (terakhir {last!r})")

    def goto(self, url: str) -> str:
        """Open `url` and wait for the page (and its redirects) to load; the final path."""
        return self.leading_to_new_page(lambda: self.call("Page.navigate", url=url))

    def click(self, element_id: str) -> str:
        """Click the element with this id and wait for the page it leads to; the final path."""
        return self.leading_to_new_page(lambda: self.evaluate(f"document.getElementById({element_id!r}).click()"))

    def leading_to_new_page(self, action) -> str:  # noqa: ANN001 - a callable
        """Do `action` and wait until another document has replaced this one and loaded."""
        self.evaluate("window.__jemputLama = true")
        action()
        self.wait_for("!window.__jemputLama && document.readyState === 'complete'")
        return self.evaluate("location.pathname")

    def type_into(self, element_id: str, text: str) -> None:
        self.evaluate(f"document.getElementById({element_id!r}).value = {json.dumps(text)}")

    def cookies(self) -> dict[str, dict]:
        return {c["name"]: c for c in self.call("Network.getAllCookies")["cookies"]}

    def screenshot(self, path: Path) -> bytes:
        """The whole page as a PNG at `path`."""
        metrics = self.call("Page.getLayoutMetrics")["cssContentSize"]
        data = base64.b64decode(self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                                          clip={"x": 0, "y": 0, "width": metrics["width"],
                                                "height": min(metrics["height"], 6000), "scale": 1})["data"])
        path.write_bytes(data)
        return data

    def close(self) -> None:
        ws = getattr(self, "ws", None)
        if ws is not None:
            ws.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)

    def __enter__(self) -> "Chromium":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
