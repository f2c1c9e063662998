"""What share cards cost a build: cold and warm builds of one synthetic region, cards on and off."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

from vitrine.benchmarks.build_bench import REPO, _settings, stories_for
from vitrine.benchmarks.measure import machine, run_measured, tree_size
from vitrine.build import replaced_outputs
from vitrine.synth import write_synthetic_region

log = logging.getLogger(__name__)


def _wait_for_deletion(output: Path) -> None:
    """Let the background deletion of the replaced output end before the next timing."""
    deadline = time.monotonic() + 300
    while replaced_outputs(output) and time.monotonic() < deadline:
        time.sleep(0.2)


def _cards(output: Path) -> dict:
    folder = output / "images" / "partage"
    files = list(folder.iterdir()) if folder.is_dir() else []
    return {"cards": len(files), "cards_mb": round(sum(f.stat().st_size for f in files) / 1e6, 1)}


def bench_share_cards(businesses: int, work: Path, settings: Path | None = None) -> dict:
    """Build one region cold (no .cache/) then warm (nothing changed), cards off then on."""
    region = work / "region"
    write_synthetic_region(region, businesses, stories_for(businesses), sources=4, seed=1)
    conf = _settings(work, settings or REPO / "pelicanconf.py")
    row = {"businesses": businesses}
    for enabled in (False, True):
        variant = conf.with_name(f"cards-{'on' if enabled else 'off'}.py")
        variant.write_text(conf.read_text(encoding="utf-8")
                           + f"SHARE_CARDS = {{'enabled': {enabled}}}\n", encoding="utf-8")
        output = work / f"output-{'on' if enabled else 'off'}"
        build = [sys.executable, "-m", "vitrine.cli", "build", "--root", str(region),
                 "--settings", str(variant), "--output", str(output)]
        shutil.rmtree(region / ".cache", ignore_errors=True)  # cold: nothing reused
        log.info("%d businesses, share cards %s: cold build", businesses, enabled)
        cold = run_measured(build, log_lines="share cards:")
        _wait_for_deletion(output)
        log.info("%d businesses, share cards %s: warm build", businesses, enabled)
        warm = run_measured(build, log_lines="share cards:")
        _wait_for_deletion(output)
        row["on" if enabled else "off"] = {"cold": cold, "warm": warm, **tree_size(output),
                                           **_cards(output)}
    return row


def run(sizes: list[int]) -> dict:
    """Measure each size in a fresh temporary folder."""
    result = {"benchmark": "share_cards", "machine": machine(), "sizes": []}
    for businesses in sizes:
        with tempfile.TemporaryDirectory(prefix=f"vitrine-cards-{businesses}-") as tmp:
            result["sizes"].append(bench_share_cards(businesses, Path(tmp)))
    return result


def table(result: dict) -> str:
    """Format the figures as a Markdown table."""
    lines = ["| businesses | cards | cold build (CPU) | warm build (CPU) | output | cards in it "
             "| peak RSS |", "|---:|---|---:|---:|---:|---:|---:|"]
    for row in result["sizes"]:
        for name in ("off", "on"):
            v = row[name]
            lines.append(f"| {row['businesses']:,} | {name} | {_time(v['cold'])} | "
                         f"{_time(v['warm'])} | {v['output_mb']:.1f} MB | "
                         f"{v['cards']:,} ({v['cards_mb']} MB) | "
                         f"{max(v['cold']['peak_rss_mb'], v['warm']['peak_rss_mb']):.0f} MB |")
    return "\n".join(lines)


def _time(run: dict) -> str:
    cpu = f" ({run['cpu_seconds']:.0f} CPU-s)" if "cpu_seconds" in run else ""
    return f"{run['seconds']:.1f} s{cpu}"
