"""The jobs importer measured on labelled job-board exports, beside a naive importer.

Each export of the fixture folder (bench/fixtures/jobs/) has `<export>.labels.yaml`, one
expected answer per offer in row order, written without reading this code. The bench imports
each export as `vitrine import --kind jobs` does (proposed mapping, no review) into a copy of
the project's data, and scores each field row by row. The naive importer maps a column only
when its header is the field's name, and takes every value as written: titles uncleaned,
towns and employers only when spelled as the directory spells them, types only as our exact
English words, salaries never parsed, dates only in ISO, links and e-mails only when the whole
cell is one.

Run: `.venv/bin/python -m vitrine.importer.job_bench [FIXTURE_FOLDER]`.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from vitrine.cli import main as vitrine
from vitrine.directory import load_directory
from vitrine.directory.normal import name_key
from vitrine.importer.job_columns import SYNONYMS
from vitrine.importer.job_mapping import load_job_mapping
from vitrine.importer.jobs import convert_jobs
from vitrine.importer.readers import read_table
from vitrine.kinds.jobs.schema import REMOTE, STUDENT_TYPES, TYPES

SCORED = ("published", "title", "employer", "municipality", "employment_type", "salary",
          "remote", "date_posted", "valid_through", "apply_url", "apply_email", "audiences")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)


def project(template: Path, root: Path) -> Path:
    """Copy what a jobs import reads (territory, taxonomy, overrides, sources) into root."""
    (root / "data").mkdir(parents=True)
    for name in ("territory.yaml", "taxonomy.yaml", "overrides.yaml"):
        if (template / "data" / name).exists():
            shutil.copy(template / "data" / name, root / "data" / name)
    shutil.copytree(template / "data" / "sources", root / "data" / "sources")
    return root


def run(fixture: Path, template: Path) -> dict:
    """Import every labelled export; per-field accuracy of the importer and the naive one."""
    with tempfile.TemporaryDirectory() as tmp:
        root = project(template, Path(tmp))
        directory = load_directory(root)
        scores = {"importer": {f: [0, 0] for f in SCORED}, "naive": {f: [0, 0] for f in SCORED}}
        misses = []
        for labels_file in sorted(fixture.glob("*.labels.yaml")):
            export = labels_file.with_name(labels_file.name.removesuffix(".labels.yaml"))
            labels = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
            ours, _ = import_export(root, export, directory)
            naive = naive_answers(export, directory)
            for n, (label, mine, plain) in enumerate(zip(labels, ours, naive, strict=True), 1):
                wanted = expected(label, directory)
                for name in SCORED:
                    if name != "published" and label.get("refused"):
                        continue  # a refused row's other fields are only what was detected
                    for who, got in (("importer", mine), ("naive", plain)):
                        scores[who][name][0] += got[name] == wanted[name]
                        scores[who][name][1] += 1
                    if mine[name] != wanted[name]:
                        misses.append(f"{export.name} #{n} {name}: expected {wanted[name]!r}, "
                                      f"got {mine[name]!r}")
    return {"offers": scores["importer"]["published"][1],
            "accuracy": {who: {f: round(ok / total, 3) for f, (ok, total) in fields.items()}
                         for who, fields in scores.items()},
            "misses": misses}


def import_export(root: Path, export: Path, directory) -> tuple[list[dict], str]:
    """Import an export with the CLI (proposing its mapping), then read each row's answer."""
    source = re.sub(r"[^a-z0-9]+", "-", export.stem.lower())
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        vitrine(["import", str(export), "--kind", "jobs", "--source", source,
                 "--root", str(root)])
    mapping_path = root / "data" / "jobs" / f"{source}.mapping.yaml"
    mapping = load_job_mapping(mapping_path, mapping_path.name)
    done = convert_jobs(read_table(export), mapping, directory.territory,
                        directory.taxonomy.categories, directory, source)
    return [answer(r.values, r.outcome, r.assumed) for r in done.rows], out.getvalue()


def answer(values: dict, outcome: str, assumed=()) -> dict:
    """One row's result in the labels' terms."""
    employer = values.get("employer") or {}
    apply = values.get("apply") or {}
    types = values.get("employment_type") or []
    salary = values.get("salary")
    return {
        "published": outcome == "published",
        "title": (values.get("title") or {}).get("fr") or (values.get("title") or {}).get("en"),
        "employer": ("business", employer["business"]) if employer.get("business") else
        ("name", name_key(employer.get("name") or "")),
        "municipality": values.get("municipality"),
        "employment_type": sorted(types),
        "salary": _salary(salary),
        "remote": values.get("remote") or "no",
        **{name: None if name in assumed or values.get(name) is None else
           values[name].isoformat() for name in ("date_posted", "valid_through")},
        "apply_url": apply.get("url"), "apply_email": apply.get("email"),
        "audiences": sorted(values.get("audiences") or _audiences(types)),
    }


def expected(label: dict, directory) -> dict:
    """A label in the same terms: its business found by name and town in the directory."""
    name, town = label.get("employer_business_name"), label.get("employer_business_town")
    employer = ("name", name_key(label.get("employer_name") or ""))
    if name:
        found = [b.slug for b in directory.businesses
                 if (b.name == name or name in b.names) and b.municipality == town]
        employer = ("business", found[0] if len(found) == 1 else f"? {name} ({town})")
    published = not label.get("refused") and bool(label.get("municipality")) and bool(
        label.get("apply_url") or label.get("apply_email"))
    return {"published": published, "title": label.get("title"), "employer": employer,
            "municipality": label.get("municipality"),
            "employment_type": sorted(label.get("employment_type") or []),
            "salary": _salary(label.get("salary")), "remote": label.get("remote") or "no",
            "date_posted": label.get("date_posted"), "valid_through": label.get("valid_through"),
            "apply_url": label.get("apply_url"), "apply_email": label.get("apply_email"),
            "audiences": sorted(label.get("audiences") or [])}


def naive_answers(export: Path, directory) -> list[dict]:
    """What an importer without repair makes of each row."""
    table = read_table(export)
    named = {}
    for field in SYNONYMS:
        names = {field, field.replace("_", " "), SYNONYMS[field][0]}
        named[field] = next((c for c in table.columns if c.strip().lower() in names), None)
    towns = {**{t.name: t.slug for t in directory.territory.municipalities.values()},
             **{t.slug: t.slug for t in directory.territory.municipalities.values()}}
    by_name: dict[str, list[str]] = {}
    for business in directory.businesses:
        by_name.setdefault(business.name, []).append(business.slug)
    out = []
    for row in table.rows:
        cell = {f: (row.get(c) or "").strip() if c else "" for f, c in named.items()}
        slugs = by_name.get(cell["employer"], [])
        town = towns.get(cell["municipality"])
        types = [cell["employment_type"]] if cell["employment_type"] in TYPES else []
        dates = {f: cell[f] if _ISO.fullmatch(cell[f]) else None
                 for f in ("date_posted", "valid_through")}
        url = cell["apply_url"] if re.match(r"https?://\S+$", cell["apply_url"]) else None
        email = cell["apply_email"] if _EMAIL.fullmatch(cell["apply_email"]) else None
        published = all([cell["title"], town, types, cell["description"], url or email,
                         *dates.values()])
        out.append({
            "published": bool(published), "title": cell["title"] or None,
            "employer": ("business", slugs[0]) if len(slugs) == 1 else
            ("name", name_key(cell["employer"])),
            "municipality": town, "employment_type": types, "salary": None,
            "remote": cell["remote"] if cell["remote"] in REMOTE else "no", **dates,
            "apply_url": url, "apply_email": email, "audiences": _audiences(types)})
    return out


def _audiences(types) -> list[str]:
    return sorted(["workers", *(["students"] if set(types) & set(STUDENT_TYPES) else [])])


def _salary(salary) -> tuple | None:
    if not salary:
        return None
    high = salary.get("max")
    return (float(salary["min"]), None if high is None else float(high), salary["unit"])


def table(result: dict) -> str:
    """The accuracies as a Markdown table, the importer beside the naive one."""
    lines = ["| field | importer | naive |", "|---|---:|---:|"]
    for name in SCORED:
        lines.append(f"| {name} | {result['accuracy']['importer'][name]:.0%} | "
                     f"{result['accuracy']['naive'][name]:.0%} |")
    return "\n".join(lines)


if __name__ == "__main__":
    here = Path(__file__).resolve().parents[2]
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else here / "bench" / "fixtures" / "jobs"
    measured = run(folder, here)
    print(f"{measured['offers']} labelled offers in {folder}")
    print(table(measured))
    print("\n".join(measured["misses"]))
