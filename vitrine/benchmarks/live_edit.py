"""Time a live preview (vitrine serve --reload) applying an edit of one business in place.

python -m vitrine.benchmarks.live_edit --root R --settings S --output O prints JSON.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from pathlib import Path

from vitrine.live.items import split_items
from vitrine.live.preview import LivePreview

EDITED = re.compile(r'description: \{fr: "')  # text only: no page moves, no merge changes


def editable_record(preview: LivePreview, pattern: re.Pattern = EDITED,
                    merged: bool | None = None):
    """A source item matching pattern, of a business no window or story shows (merged from
    several records, or made of one, if asked): (path, header, items, at), or None."""
    generator = preview.kept.generator
    windows = {id(b) for extras in generator.context["window_extras"].values()
               for b in extras.get("window_businesses", ())}
    texts = {}
    for business in generator.directory.businesses:
        if id(business) in windows or generator.stories_of.get(business.slug) \
                or (merged is not None and merged != (len(business.sources) > 1)):
            continue
        place = business.sources[0]
        if place.path not in texts:
            texts[place.path] = split_items(
                (preview.root / place.path).read_text(encoding="utf-8"))
        header, items = texts[place.path]
        at = next((i for i, (line, _) in enumerate(items) if line == place.line), None)
        if at is not None and pattern.search(items[at][1]):
            return preview.root / place.path, header, items, at
    return None


def measure_live_edit(root: Path, output: Path, settings: Path) -> dict:
    """Preview root, edit one business's description, time the in-place update."""
    preview = LivePreview(root, output, settings)
    started = time.perf_counter()
    preview.rebuild()
    figures = {"first_build_seconds": round(time.perf_counter() - started, 3)}
    preview.close()
    found = editable_record(preview) if preview.kept else None
    if found is None:
        return {**figures, "how": "no business outside windows and stories", "seconds": None}
    path, header, items, at = found
    items[at] = (items[at][0], EDITED.sub('description: {fr: "Modifié ! ', items[at][1], 1))
    path.write_text(header + "".join(text for _, text in items), encoding="utf-8")
    started = time.perf_counter()
    how = preview.rebuild()
    applied = time.perf_counter()
    preview.close()
    return {**figures, "how": how, "seconds": round(applied - started, 3),
            "data_files_seconds": round(time.perf_counter() - applied, 3)}


def main(argv: list[str] | None = None) -> int:
    """Print the figures of measure_live_edit as JSON."""
    parser = argparse.ArgumentParser(prog="python -m vitrine.benchmarks.live_edit",
                                     description=__doc__)
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--settings", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    print(json.dumps(measure_live_edit(args.root, args.output, args.settings)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
