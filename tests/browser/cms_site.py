"""A fixture site in its own Git repository, edited through decap-server (the local Git backend)
and served with its _headers: what `make cms` runs, on a free port each."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vitrine.audit.server import free_port
from vitrine.audit.tools import CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
DECAP_CMS = ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
GIT = ("git", "-c", "user.name=Test", "-c", "user.email=test@example.org")


def require_tools() -> None:
    """Skip (fail with CI=true) when Chromium, Node, Git or the npm packages are missing."""
    missing = [str(p) for p in (CHROMIUM, DECAP_SERVER, DECAP_CMS) if not p.exists()]
    missing += [tool for tool in ("node", "git") if shutil.which(tool) is None]
    if missing:
        message = (f"missing {', '.join(missing)}: `make system-deps` installs Chromium, "
                   "`npm ci` Decap CMS and decap-server")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def make_site(parent: Path, case: str = "directory") -> tuple[Path, int]:
    """Copy tests/sites/<case> into a new Git repository with settings for the local
    backend on a free port; return its folder and that port."""
    root, port = parent / case, free_port()
    shutil.copytree(ROOT / "tests" / "sites" / case, root)
    cms = {"backend": "gitlab", "repo": "agence/vitrine", "local_backend": True,
           "local_port": port, "businesses": "data/sources/agence"}
    lines = [f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())",
             f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]", f"THEME = {str(ROOT / 'theme')!r}",
             f"RESPONSIVE_IMAGES = {{'cache': {str(root / '.cache')!r}}}", f"CMS = {cms!r}"]
    (root / "pelicanconf.py").write_text("\n".join(lines) + "\n")
    (root / ".gitignore").write_text("output/\n.cache/\nreports/\n")
    for args in (("init", "-q", "-b", "main"), ("config", "user.name", "Éditrice"),
                 ("config", "user.email", "editrice@example.org"), ("add", "."),
                 ("commit", "-qm", "The site")):
        subprocess.run([*GIT, "-C", str(root), *args], check=True)
    return root, port


def vitrine(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run a vitrine command on a project in its own process."""
    return subprocess.run([sys.executable, "-m", "vitrine.cli", *args, "--root", str(root),
                           "--settings", str(root / "pelicanconf.py")], capture_output=True,
                          text=True, cwd=ROOT, check=False)


def start_decap_server(root: Path, port: int, log: Path) -> subprocess.Popen:
    """Start decap-server in Git mode on a project; return once it answers."""
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(root), "PORT": str(port),
           "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
    with log.open("w") as out:  # the child keeps its own copy of the file
        process = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    for _ in range(200):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"decap-server did not start: {log.read_text()}")
