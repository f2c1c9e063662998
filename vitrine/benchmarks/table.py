"""Format the build benchmark's results as a plain-text table."""

from __future__ import annotations


def format_table(result: dict) -> str:
    """Return the results as the table `vitrine bench` prints."""
    m = result["machine"]
    lines = [f"Build benchmark — {m['nproc']} CPUs ({m['cpu_model']}), Python {m['python']}, "
             f"median of {result['repeats']} run(s)",
             f"{'businesses':>10} {'stories':>7} {'pages':>7} {'full s':>7} {'pages/s':>7} "
             f"{'peak MB':>7} {'out MB':>7} {'+1 biz':>7} {'preview':>7} {'live':>5} "
             f"{'+1 story':>8} {'+1 tmpl':>7} "
             f"{'Pelican s':>9} {'x':>5} {'Hugo s':>7} {'x':>6}"]
    for row in result["sizes"]:
        v, r = row["vitrine"], row["vitrine"]["rebuild"]
        p, h = row.get("pelican", {}), row.get("hugo", {})
        lines.append(
            f"{row['businesses']:>10,} {row['stories']:>7,} {v['pages']:>7,} "
            f"{v['seconds_median']:>7.1f} {v['pages_per_second']:>7,} {v['peak_rss_mb']:>7.0f} "
            f"{v['output_mb']:>7.0f} {r['one_business']['seconds']:>7.1f} "
            f"{r['one_business_preview']['seconds']:>7.1f} "
            f"{v['live_edit']['seconds'] or float('nan'):>5.2f} "
            f"{r['one_story']['seconds']:>8.1f} {r['one_template']['seconds']:>7.1f} "
            f"{p.get('seconds_median', float('nan')):>9.1f} "
            f"{p.get('vitrine_time_per_page_ratio', float('nan')):>5.1f} "
            f"{h.get('seconds_median', float('nan')):>7.2f} "
            f"{h.get('vitrine_time_per_page_ratio', float('nan')):>6.1f}")
    lines.append("x = Vitrine's time per page / the peer's time per page (same pages count for "
                 "Pelican; Hugo builds its own page set from the same data); preview = "
                 "+1 biz with --preview (search index reused); live = +1 biz applied in "
                 "place by vitrine serve --reload (open data follows in the background)")
    return "\n".join(lines)
