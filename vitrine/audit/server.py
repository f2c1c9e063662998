"""Serve a built output over HTTP on a free port, with the headers of its _headers file."""

from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path


def site_headers(folder: Path) -> list[tuple[str, str]]:
    """Read the `/*` rule of a Netlify-style _headers file (none when the file is absent)."""
    path, headers, in_rule = folder / "_headers", [], False
    if not path.is_file():
        return headers
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace():
            in_rule = line.strip() == "/*"
        elif in_rule and ":" in line:
            name, value = line.strip().split(":", 1)
            headers.append((name.strip(), value.strip()))
    return headers


class _Handler(http.server.SimpleHTTPRequestHandler):
    extra_headers: list[tuple[str, str]] = []

    def end_headers(self):
        for name, value in self.extra_headers:
            self.send_header(name, value)
        # LinkChecker keeps to 10 requests/s per host unless the host answers with this.
        self.send_header("LinkChecker", "vitrine-audit")
        super().end_headers()

    def log_message(self, *args):
        pass


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def served(folder: Path, port: int = 0) -> Iterator[str]:
    """Serve folder on 127.0.0.1 (a free port by default) while the block runs; yield its URL."""
    handler = type("Handler", (_Handler,), {"extra_headers": site_headers(folder)})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
