"""Serve a built output over HTTP on a free port, with the headers of its _headers file."""

from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path


def header_rules(folder: Path) -> list[tuple[str, list[str]]]:
    """The rules of a Netlify-style _headers file: (path pattern, its lines), in order."""
    path, rules = folder / "_headers", []
    if not path.is_file():
        return rules
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            rules.append((line.strip(), []))
        elif rules and line.strip():
            rules[-1][1].append(line.strip())
    return rules


def site_headers(folder: Path, url_path: str = "/") -> list[tuple[str, str]]:
    """The headers the _headers file gives a path (`/*`, then narrower rules; "! name"
    detaches a header an earlier rule gave); none when the file is absent."""
    return headers_for(header_rules(folder), url_path)


def headers_for(rules: list[tuple[str, list[str]]], url_path: str) -> list[tuple[str, str]]:
    """The headers of the rules matching a path."""
    headers = []
    for pattern, lines in rules:
        if not (url_path == pattern or pattern.endswith("*")
                and url_path.startswith(pattern[:-1])):
            continue
        for line in lines:
            if line.startswith("!"):
                name = line[1:].strip().lower()
                headers = [h for h in headers if h[0].lower() != name]
            elif ":" in line:
                name, value = line.split(":", 1)
                headers.append((name.strip(), value.strip()))
    return headers


class _Handler(http.server.SimpleHTTPRequestHandler):
    rules: list[tuple[str, list[str]]] = []

    def end_headers(self):
        for name, value in headers_for(self.rules, self.path.split("?")[0]):
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
    handler = type("Handler", (_Handler,), {"rules": header_rules(folder)})
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
