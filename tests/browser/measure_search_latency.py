"""Measure Pagefind search latency in Chromium on a built site (not a test: a tool).

    .venv/bin/python tests/browser/measure_search_latency.py OUTPUT_DIR [LANG_PATH]

Serves OUTPUT_DIR on a free port, opens its search page (default /recherche/), loads
Pagefind once, then times pagefind.search() for each query in the browser with
performance.now(): "first" is the first search of a word (index chunks fetched and
decoded), "again" a second run of the same query, "data10" adds loading the first ten
results' fragments (what the page shows). Searches with a filter take the first value the
page offers for it, asked as the page asks (each value is a Pagefind filter of its own).
Prints one JSON line per query and a summary.
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from vitrine.audit.server import served
from vitrine.audit.tools import CHROMIUM, CHROMIUM_FLAGS

FILTERED = [["embauchons", "category"], [None, "town"], ["117", "audience"],
            ["boulangerie", "mrc"]]
QUERIES = {
    "/recherche/": [[q] for q in ("fortin", "boulangerie", "théâtre", "galerie boréal",
                                  "embauchons", "rénovées", "117", "minières forestières",
                                  "levain", "terrasse")] + FILTERED,
    "/en/search/": [[q] for q in ("fortin", "bakery", "theatre", "gallery", "hire",
                                  "renovated", "117", "mining forestry", "sourdough",
                                  "weekends")] + [["hire", "category"], *FILTERED[1:]],
}
MEASURE = """async (queries) => {
  const pagefind = await import(document.querySelector('[data-bundle]').dataset.bundle);
  await pagefind.options({excerptLength: 24, noWorker: true});  // as search.js asks
  await pagefind.init();
  await pagefind.search('x');  // warm the WebAssembly module, as a first keystroke does
  const rows = [];
  for (const [q, name] of queries) {
    const filters = {};
    if (name) filters[document.querySelector(`select[name=${name}]`).options[1].dataset.key] = "1";
    let t = performance.now();
    const found = await pagefind.search(q, {filters});
    const first = performance.now() - t;
    await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    const data10 = performance.now() - t;
    t = performance.now();
    await pagefind.search(q, {filters});
    rows.push({query: q, filters, results: found.results.length, first, data10,
               again: performance.now() - t});
  }
  return rows;
}"""


def main(output: str, path: str = "/recherche/") -> None:
    """Print the timings of each query and their medians."""
    with served(Path(output)) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(f"{url}{path}", wait_until="networkidle")
        rows = page.evaluate(MEASURE, QUERIES[path])
        browser.close()
    for row in rows:
        print(json.dumps({k: round(v, 1) if isinstance(v, float) else v
                          for k, v in row.items()}, ensure_ascii=False))
    for key in ("first", "data10", "again"):
        values = [r[key] for r in rows]
        print(f"{key}: median {statistics.median(values):.1f} ms, max {max(values):.1f} ms")


if __name__ == "__main__":
    main(*sys.argv[1:])
