"""Serve a built output over HTTP on a free port, with the headers of its _headers file."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path


def header_rules(folder: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Read the rules of a Netlify-style _headers file: [(path pattern, [(name, value)])]."""
    path, rules = folder / "_headers", []
    if not path.is_file():
        return rules
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules and line.strip().startswith("!"):  # "! name": detach an earlier value
            rules[-1][1].append((line.strip()[1:].strip(), None))
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def site_headers(folder: Path, url_path: str | None = None) -> list[tuple[str, str]]:
    """The headers of the `/*` rule of a Netlify-style _headers file, or those it gives a
    path; none when the file is absent."""
    rules = header_rules(folder)
    if url_path is None:
        return [(name, value) for pattern, headers in rules if pattern == "/*"
                for name, value in headers if value is not None]
    return headers_for(rules, url_path)


def headers_for(rules, path: str) -> list[tuple[str, str]]:
    """The headers a path gets as Netlify and Cloudflare Pages give them: those of every rule
    it matches (`*` matches anything, even nothing), a header set twice sent twice, and
    "! name" (Cloudflare Pages) detaching what earlier rules set."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
    out: list[tuple[str, str]] = []
    for pattern, headers in rules:
        if not re.fullmatch(".*".join(map(re.escape, pattern.split("*"))), path):
            continue
        for name, value in headers:
            if value is None:
                out = [h for h in out if h[0].lower() != name.lower()]
            else:
                out.append((name, value))
    return out


class _Handler(http.server.SimpleHTTPRequestHandler):
    rules: list = []

    def end_headers(self):
        for name, value in headers_for(self.rules, self.path):
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
