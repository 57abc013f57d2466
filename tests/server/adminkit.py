"""An admin's browser as plain HTTP: the dashboard's login form, cookies, CSRF token.

`AdminBrowser` keeps its cookies like a browser (requests.Session), reads the
CSRF token out of each form it is shown, and may speak from a chosen loopback
address (127.0.0.x) so that lock-out tests do not share a counter.
"""

from __future__ import annotations

import itertools
import re
import secrets

import requests

from serverkit import FromAddress

PASSWORD = "kata-sandi-uji-123"
_names = (f"admin{n}-{secrets.token_hex(3)}" for n in itertools.count(1))
_addresses = (f"127.0.0.{n}" for n in itertools.count(100))
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def new_admin_name() -> str:
    return next(_names)


def next_address() -> str:
    """A loopback address no other test of this process speaks from."""
    return next(_addresses)


def make_admin(engine, name: str | None = None, password: str = PASSWORD) -> str:  # noqa: ANN001
    from sync.server import admin_auth

    return admin_auth.add_admin(engine, name or new_admin_name(), password)


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "formulir tanpa token CSRF"
    return found.group(1)


class AdminBrowser:
    """Cookies and forms against one server, from one address."""

    def __init__(self, base: str, address: str | None = None, verify: str | None = None):
        self.base = base
        self.http = requests.Session()
        if address:
            self.http.mount("http://", FromAddress(address))
        self.verify = verify or True  # the https server's own certificate (per request: REQUESTS_CA_BUNDLE
        # in the environment would win over a session's setting)

    def get(self, path: str, **kw) -> requests.Response:  # noqa: ANN003
        return self.http.get(self.base + path, timeout=20, allow_redirects=False, verify=self.verify, **kw)

    def post(self, path: str, data: dict, **kw) -> requests.Response:  # noqa: ANN003
        return self.http.post(self.base + path, data=data, timeout=20, allow_redirects=False, verify=self.verify,
                              **kw)

    def login(self, name: str, password: str = PASSWORD) -> requests.Response:
        """Open the login form, then send it (the answer, redirects not followed)."""
        form = self.get("/login")
        assert form.status_code == 200, form.text
        return self.post("/login", {"csrf_token": csrf_of(form.text), "nama": name, "sandi": password})

    def logged_in(self, name: str, password: str = PASSWORD) -> "AdminBrowser":
        r = self.login(name, password)
        assert r.status_code == 303 and r.headers["location"] == "/dashboard", r.text
        return self

    def dashboard(self) -> requests.Response:
        return self.get("/dashboard")

    def logout(self) -> requests.Response:
        page = self.dashboard()
        assert page.status_code == 200, page.text
        return self.post("/logout", {"csrf_token": csrf_of(page.text)})
