"""Build benchmark: full build and rebuilds of synthetic regions, against stock Pelican and Hugo."""

from __future__ import annotations

import json
import logging
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from vitrine.benchmarks.measure import machine, run_measured, tree_size
from vitrine.benchmarks.peers import hugo_binary, write_hugo, write_stock_pelican
from vitrine.build import replaced_outputs
from vitrine.synth import write_synthetic_region

log = logging.getLogger(__name__)
REPO = Path(__file__).resolve().parents[2]
STORIES = {1000: 100, 10000: 500, 50000: 2000}  # the sizes; others scale linearly


def stories_for(businesses: int) -> int:
    """Stories (each FR + EN) written beside a number of businesses."""
    return STORIES.get(businesses, max(6, businesses // 25))


def _settings(folder: Path, settings: Path) -> Path:
    """Write a settings file reading `settings` but using a copy of the theme we may touch."""
    shutil.copytree(REPO / "theme", folder / "theme")
    path = folder / "benchconf.py"
    path.write_text(
        "import runpy\n"
        f"globals().update({{k: v for k, v in runpy.run_path({str(settings)!r}).items() "
        "if k.isupper()})\n"
        f"THEME = {str(folder / 'theme')!r}\nPLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n",
        encoding="utf-8")
    return path


def _summary(runs: list[dict]) -> dict:
    seconds = [r["seconds"] for r in runs]
    return {"seconds_min": min(seconds), "seconds_median": round(statistics.median(seconds), 3),
            "seconds_runs": seconds, "peak_rss_mb": max(r["peak_rss_mb"] for r in runs)}


def _repeat(cmd: list[str], repeats: int) -> dict:
    return _summary([run_measured(cmd) for _ in range(repeats)])


def _cold(cmd: list[str], region: Path) -> dict:
    """A full build: nothing reused from .cache/ (the rebuilds after it do reuse it)."""
    shutil.rmtree(region / ".cache", ignore_errors=True)
    return run_measured(cmd)


def _measured_rebuild(cmd: list[str], output: Path) -> dict:
    """Time a rebuild once the output it replaced last time is deleted (in the background)."""
    deadline = time.monotonic() + 300
    while replaced_outputs(output) and time.monotonic() < deadline:
        time.sleep(0.2)
    return run_measured(cmd)


def _live_edit(region: Path, conf: Path, output: Path) -> dict:
    """What `vitrine serve --reload` takes to apply one business's edit (its own process)."""
    done = subprocess.run([sys.executable, "-m", "vitrine.benchmarks.live_edit", "--root",
                           str(region), "--settings", str(conf), "--output", str(output)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # after Pelican's own lines


def _edit_business(region: Path) -> None:
    source = region / "data" / "sources" / "source-1.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace('    name: "', '    name: "Nouvelle ', 1), encoding="utf-8")


def _edit_story(region: Path) -> None:
    story = sorted((region / "content" / "stories").glob("*.fr.md"))[0]
    with story.open("a", encoding="utf-8") as out:
        out.write("\nUn paragraphe ajouté par le banc d'essai.\n")


def _edit_template(theme: Path) -> None:
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "{# touched by the benchmark #}\n",
                    encoding="utf-8")


def bench_size(businesses: int, work: Path, settings: Path, repeats: int = 1) -> dict:
    """Measure one size: synth, full build, four rebuilds, stock Pelican and Hugo."""
    region = work / "region"
    started = time.perf_counter()
    made = write_synthetic_region(region, businesses, stories_for(businesses), sources=4, seed=1)
    row = {"businesses": businesses, "stories": made.stories, "records": made.records,
           "synth_seconds": round(time.perf_counter() - started, 2)}
    conf = _settings(work, settings)
    output = work / "vitrine-output"
    build = [sys.executable, "-m", "vitrine.cli", "build", "--root", str(region),
             "--settings", str(conf), "--output", str(output)]
    log.info("%d businesses: Vitrine full build x%d", businesses, repeats)
    full = _summary([_cold(build, region) for _ in range(repeats)])
    row["vitrine"] = {**full, **tree_size(output)}
    row["vitrine"]["pages_per_second"] = round(row["vitrine"]["pages"] / full["seconds_median"])
    rebuilds = {}
    for name, edit in (("one_business", lambda: _edit_business(region)),
                       ("one_story", lambda: _edit_story(region)),
                       ("one_template", lambda: _edit_template(work / "theme"))):
        edit()
        log.info("%d businesses: rebuild after %s", businesses, name)
        rebuilds[name] = _measured_rebuild(build, output)
    _edit_business(region)
    log.info("%d businesses: preview after one_business (search index reused)", businesses)
    rebuilds["one_business_preview"] = _measured_rebuild([*build, "--preview"], output)
    row["vitrine"]["rebuild"] = rebuilds
    log.info("%d businesses: live preview, one business edited in place", businesses)
    row["vitrine"]["live_edit"] = _live_edit(region, conf, output)
    pages = row["vitrine"]["pages"]
    log.info("%d businesses: stock Pelican, %d Markdown articles", businesses, pages)
    stock = write_stock_pelican(work / "stock", pages, region)
    row["pelican"] = {**_repeat(stock, repeats), **tree_size(work / "stock" / "output")}
    if hugo_binary():
        log.info("%d businesses: Hugo", businesses)
        prep = time.perf_counter()
        hugo = write_hugo(work / "hugo", region)
        row["hugo"] = {"prepare_seconds": round(time.perf_counter() - prep, 2),
                       **_repeat(hugo, repeats), **tree_size(work / "hugo" / "public")}
    for peer in ("pelican", "hugo"):
        if peer in row:
            figures = row[peer]
            figures["pages_per_second"] = round(figures["pages"] / figures["seconds_median"])
            # how many times longer Vitrine takes per page than the peer
            figures["vitrine_time_per_page_ratio"] = round(
                (full["seconds_median"] / pages) / (figures["seconds_median"] / figures["pages"]),
                2)
    return row


def _hugo_version() -> str:
    binary = hugo_binary()
    if not binary:
        return ""
    done = subprocess.run([binary, "version"], capture_output=True, text=True)
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def run_build_bench(sizes: list[int], out: Path, repeats: int = 1,
                    settings: Path | None = None) -> dict:
    """Benchmark every size in a fresh temporary folder; write and return the results."""
    result = {"benchmark": "build", "machine": {**machine(), "hugo": _hugo_version()},
              "repeats": repeats, "sizes": []}
    started = time.perf_counter()
    for businesses in sizes:
        with tempfile.TemporaryDirectory(prefix=f"vitrine-bench-{businesses}-") as tmp:
            result["sizes"].append(bench_size(businesses, Path(tmp), settings
                                              or REPO / "pelicanconf.py", repeats))
    result["bench_seconds"] = round(time.perf_counter() - started, 1)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return result
