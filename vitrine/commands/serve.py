"""vitrine serve: serve output/ on localhost; with --reload, rebuild and refresh on changes."""

from __future__ import annotations

import functools
import http.server
import logging
from pathlib import Path

from vitrine.live.preview import LivePreview
from vitrine.live.watch import WATCHED

log = logging.getLogger(__name__)
EDITOR = "/admin"  # the web editor (plugins/cms): its page is never reloaded under its user


def add_arguments(parser) -> None:
    """Declare the options of vitrine serve."""
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--bind", default="127.0.0.1", help="address (default 127.0.0.1)")
    parser.add_argument("--settings", type=Path, default=None, metavar="FILE",
                        help="settings file of --reload's builds (default: pelicanconf.py)")
    parser.add_argument("--reload", action="store_true",
                        help="rebuild when content, theme, data or plugins change and reload "
                             "the browser")


def run(args) -> int:
    """Serve until interrupted."""
    root = args.root.resolve()
    output = root / "output"
    if args.reload:
        return _livereload(root, output, args)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    with http.server.ThreadingHTTPServer((args.bind, args.port), handler) as server:
        print(f"Serving {output} on http://{args.bind}:{args.port}/ (Ctrl-C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def _livereload(root: Path, output: Path, args) -> int:
    """Watch the project with livereload and rebuild on change."""
    # A preview: the search index of the first build is kept (re-indexing is most of a
    # rebuild's time), and edits of business records are applied in place (vitrine/live/);
    # `make html` or `vitrine build` index again.
    preview = LivePreview(root, output, (args.settings or root / "pelicanconf.py").resolve())
    rebuild = preview.rebuild
    rebuild()
    server = live_server()
    for name in WATCHED:
        target = root / name
        server.watch(str(target / "**" / "*") if target.is_dir() else str(target), rebuild)
    print(f"Serving {output} with live reload on http://{args.bind}:{args.port}/")
    server.serve(root=str(output), host=args.bind, port=args.port, open_url_delay=None)
    return 0


def live_server():
    """A livereload server whose pages get its reload script, except the web editor's."""
    from livereload import Server
    from livereload.handlers import StaticFileHandler
    from livereload.server import LiveScriptInjector

    class Handler(StaticFileHandler):
        """output/'s files; /admin/ without the script: decap-server's commits rebuild the
        site, and a reload would lose what the editor is typing."""

        def prepare(self):
            """Leave the reload script out of the editor's pages."""
            super().prepare()
            if self.request.path == EDITOR or self.request.path.startswith(EDITOR + "/"):
                # tornado's per-request output transforms, where livereload injects it
                self._transforms = [t for t in self._transforms
                                    if not isinstance(t, LiveScriptInjector)]

    server = Server()
    server.SFH = Handler
    return server
