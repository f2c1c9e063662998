"""The steward's report: what came in, what merged and why, what conflicts, what was refused."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from vitrine.directory.model import Directory
from vitrine.jsontext import dumps_by_line


def _to_classify(d: Directory) -> list[dict]:
    """Businesses waiting for a category or a town, published or held back."""
    waiting = [(b, False) for b in d.held] + [(b, True) for b in d.businesses if b.review]
    return [{"name": b.name, "published": published, "business": b.slug, "reasons": b.review,
             "records": [f"{p.source}:{p.record_id}" for p in b.sources],
             "where": [f"{p.path}:{p.line}" if p.line else p.path for p in b.sources]}
            for b, published in waiting]


def _pair(e) -> dict:
    """A pair to review, with the overrides lines that settle it either way."""
    return {"a": e.a, "b": e.b, "score": e.score, "reasons": e.reasons,
            "same": f"  - [{e.a}, {e.b}]", "different": f"  - [{e.a}, {e.b}]"}


def report_data(d: Directory) -> dict:
    """Everything a steward reviews, as plain data."""
    rejected = Counter(ref.split(":")[0] for ref, _ in d.rejected)
    to_classify = _to_classify(d)
    within = [e for e in d.merged if e.a.split(":")[0] == e.b.split(":")[0]]
    return {
        "sources": [{"id": s.id, "name": s.name, "path": s.path, "licence": s.licence,
                     "retrieved": s.retrieved.isoformat(), "records": s.record_count,
                     "rejected": rejected.get(s.id, 0)} for s in d.sources.values()],
        "totals": {"records": sum(s.record_count for s in d.sources.values()),
                   "businesses": len(d.businesses),
                   "merged_businesses": sum(1 for b in d.businesses if len(b.sources) > 1),
                   "conflicts": sum(len(b.conflicts) for b in d.businesses),
                   "rejected": len(d.rejected), "to_review": len(d.near_misses),
                   "to_classify": len(to_classify), "held": len(d.held),
                   "within_source": len(within)},
        "merged": [{"business": b.slug, "name": b.name, "names": b.names,
                    "records": [f"{p.source}:{p.record_id}" for p in b.sources]}
                   for b in d.businesses if len(b.sources) > 1],
        "evidence": [{"a": e.a, "b": e.b, "score": e.score, "reasons": e.reasons}
                     for e in d.merged],
        "conflicts": [{"business": b.slug, "field": c.field, "chosen": str(c.chosen),
                       "values": [{"value": str(v), "sources": s} for v, s in c.values]}
                      for b in d.businesses for c in b.conflicts],
        "rejected": [{"record": ref, "problems": [str(p) for p in problems]}
                     for ref, problems in d.rejected],
        "to_review": [_pair(e) for e in sorted(d.near_misses, key=lambda e: -e.score)],
        "to_classify": to_classify,
        "within_source": [{"a": e.a, "b": e.b, "score": e.score, "reasons": e.reasons}
                          for e in within],
        "problems": [str(p) for p in d.problems],
    }


def write_report(d: Directory, out_dir: Path) -> list[Path]:
    """Write steward-report.json and steward-report.html into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    data = report_data(d)
    env = Environment(loader=PackageLoader("vitrine.directory", "templates"),
                      autoescape=select_autoescape(["html"]))
    outputs = {out_dir / "steward-report.json": dumps_by_line(data),
               out_dir / "steward-report.html": env.get_template("report.html").render(
                   report=data, region=d.territory.region_name)}
    for path, text in outputs.items():
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    return list(outputs)
