"""The build benchmark at a tiny size writes a well-formed results.json (no timings)."""

from __future__ import annotations

import json

from vitrine.benchmarks import format_table, run_build_bench
from vitrine.benchmarks.peers import hugo_binary


def test_tiny_build_bench_writes_well_formed_results(tmp_path):
    out = tmp_path / "bench" / "results.json"
    result = run_build_bench([30], out)
    assert json.loads(out.read_text(encoding="utf-8")) == result
    assert result["machine"]["nproc"] >= 1 and "cpu_model" in result["machine"]
    assert result["machine"]["hugo"].startswith("hugo v") == bool(hugo_binary())
    (row,) = result["sizes"]
    assert (row["businesses"], row["stories"]) == (30, 6)
    vitrine = row["vitrine"]
    assert vitrine["pages"] > 30 * 2  # a page per business in each language, and more
    assert set(vitrine["rebuild"]) == {"one_business", "one_story", "one_template",
                                       "one_business_preview"}
    for figures in [vitrine, row["pelican"], *vitrine["rebuild"].values()]:
        assert figures["peak_rss_mb"] > 0
    live = vitrine["live_edit"]  # 30 businesses: each may be in a window, then none is timed
    assert live["first_build_seconds"] > 0
    assert live["how"] in ("in place", "no business outside windows and stories")
    assert row["pelican"]["pages"] >= vitrine["pages"]  # as many articles, plus index pages
    if hugo_binary():
        assert row["hugo"]["pages"] > 30 * 2
        assert "vitrine_time_per_page_ratio" in row["hugo"]
    table = format_table(result).splitlines()
    assert table[1].split()[:3] == ["businesses", "stories", "pages"]
    assert table[2].split()[:2] == ["30", "6"]
