"""Run one child build in its own process and measure wall time and peak memory."""

from __future__ import annotations

import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIME = "/usr/bin/time"


def run_measured(cmd: list[str], cwd: Path | None = None, env: dict | None = None,
                 log_lines: str = "") -> dict:
    """Run cmd; return wall seconds (perf_counter) and the peak RSS of the child in MB.

    With /usr/bin/time, also its CPU seconds (user + system, with the children it waited
    for: a busy machine stretches wall time more than CPU time); with log_lines, the lines
    of its output holding that text.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        wrapped = [TIME, "-v", "-o", report.name, *cmd] if Path(TIME).exists() else cmd
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        done = subprocess.run(wrapped, cwd=cwd, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n"
                               f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
        timed = report.read()
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", timed)
    cpu = [float(v) for v in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", timed)]
    extra = {"cpu_seconds": round(sum(cpu), 1)} if cpu else {}
    if log_lines:
        extra["log"] = [line for line in (done.stdout + done.stderr).splitlines()
                        if log_lines in line]
    if found:
        peak_kb = int(found.group(1))
    else:  # the high-water mark of all children: exact only when this child is the largest
        peak_kb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"seconds": round(seconds, 3), "peak_rss_mb": round(peak_kb / 1024, 1), **extra}


def tree_size(folder: Path) -> dict:
    """Count the HTML pages and bytes of an output folder."""
    pages = size = 0
    for path in folder.rglob("*"):
        if path.is_file():
            size += path.stat().st_size
            pages += path.suffix == ".html"
    return {"pages": pages, "output_mb": round(size / 2**20, 1)}


def machine() -> dict:
    """Facts about the machine the benchmark ran on."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        model = found.group(1).strip() if found else ""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"MemTotal:\s*(\d+)", meminfo.read_text())
        memory = f"{int(found.group(1)) / 2**20:.1f} GiB" if found else ""
    load = os.getloadavg() if hasattr(os, "getloadavg") else ()
    return {"nproc": os.cpu_count(), "cpus_usable": len(os.sched_getaffinity(0)),
            "cpu_model": model or platform.processor(), "memory": memory,
            "python": sys.version.split()[0], "platform": platform.platform(),
            "load_average_at_start": [round(x, 2) for x in load],
            "time_v": Path(TIME).exists()}
