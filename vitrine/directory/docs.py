"""Render docs/data.md from the declared schemas, so the docs cannot drift from the code."""

from __future__ import annotations

from vitrine.directory import schema
from vitrine.directory.matching import MATCH, REVIEW
from vitrine.schema import Record, document

INTRO = """# Directory data files

Generated from the schemas in `vitrine/directory/schema.py` by `make docs`; a test fails when
this file is out of date. Every problem is reported as
`path:line:col: key.path: problem`, all at once; `make check` fails on any, a normal build
skips the bad record and goes on.
"""


def _fields(record: Record) -> str:
    return document(record)


def render() -> str:
    """Return the whole Markdown document."""
    business = schema.business_record(set, set)
    parts = [INTRO,
             "## data/territory.yaml\n\n`region` (name and bounds), `mrcs` and "
             "`municipalities`. A municipality:\n", _fields(schema.MUNICIPALITY),
             "\n## data/taxonomy.yaml\n\n`categories`, each:\n", _fields(schema.CATEGORY),
             "\n## data/sources/<source>.yaml\n\nOne file per local source: `source:` (who sends "
             "it) and `businesses:` (its records). The source id is the file name.\n\n"
             "`source:`\n", _fields(schema.SOURCE),
             "\nEach entry of `businesses:`\n", _fields(business),
             "\nA source may also be a folder `data/sources/<source>/` holding `_source.yaml` "
             "(the `source:` fields above) and one `<slug>.yaml` per business (the fields "
             "above; `id` defaults to the file name). That is how the agency keeps the "
             "businesses it curates: one file per record, easy to edit on the Git host.\n",
             "\n## data/overrides.yaml\n\nAn editor's decisions, which always win. Records are "
             "named `source:id`.\n", _fields(schema.OVERRIDES),
             f"\n## How records are merged\n\nTwo records can be the same business only in the "
             f"same municipality. Candidates share a rare word of their names, a phone, a NEQ, "
             f"a web domain or an e-mail. Their score adds name similarity (accents, case, "
             f"St/Saint and legal forms ignored) to agreeing evidence (phone, NEQ, site, "
             f"e-mail, postal code, same address, under 150 m apart) and subtracts "
             f"disagreeing evidence (different civic addresses, different phones, over 2 km "
             f"apart). At {MATCH} or more they merge, unless both records come from the same "
             f"source or an editor said `different`; from {REVIEW} to {MATCH} the pair is "
             f"listed in the steward's report to review. When sources disagree on a field, "
             f"the most recent source wins (an override wins over all) and the conflict is "
             f"reported.\n"]
    return "\n".join(parts)
