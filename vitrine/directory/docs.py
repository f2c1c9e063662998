"""Render docs/data.md from the declared schemas, so the docs cannot drift from the code."""

from __future__ import annotations

from vitrine.directory import matching, schema
from vitrine.directory.schema import TO_CLASSIFY
from vitrine.embeds.partners import partners_schema
from vitrine.schema import Record, document

INTRO = """# Directory data files

Generated from the schemas in `vitrine/directory/schema.py` by `make docs`; a test fails when
this file is out of date. Every problem is reported as
`path:line:col: key.path: problem`, all at once; `make check` fails on any, a normal build
skips the bad record and goes on.
"""


def _fields(record: Record) -> str:
    return document(record)


def _decision_rule() -> str:
    """The matcher's own statement of its rule (its module docstring, first line left out)."""
    return matching.__doc__.split("\n", 2)[2].strip() + "\n"


def render(modules: tuple[str, ...] = ()) -> str:
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
             "\n## data/partners.yaml\n\nThe partners who embed their territory's directory "
             "on their own sites (see the README's \"For partners\"). Optional. Each entry "
             "of `partners:`\n", _fields(partners_schema(set()).fields[0].check.item),
             "\n## How records are merged\n\n" + _decision_rule(),
             "\nCandidates share a rare word of their names or a civic address in one town, "
             "or a phone, NEQ, web site or e-mail anywhere. Names are compared without "
             "accents, case, legal forms (inc., ltée, enr., S.E.N.C.…), little words, plural "
             "endings or a descriptor after ` – `, ` / ` or in parentheses; St/Saint, Resto/"
             "Restaurant, rte/route and such are one word; a trade name in parentheses, or "
             "after a numbered company, is compared too. Records of one source merge only on "
             "their own evidence, never through a third record, and are listed in the "
             "steward's report. An editor's `same` and `different` always win. When sources "
             "disagree on a field, the most recent source wins (an override wins over all) "
             "and the conflict is reported.\n",
             f"\nA record whose category or town could not be placed has `{TO_CLASSIFY}` "
             "there and the partner's value under `review:`: without a category it is "
             "published in no category list or window; without a town it is not published. "
             "The steward's report lists both.\n", *_kinds(modules), _settings()]
    return "\n".join(parts)


def _kinds(modules: tuple[str, ...]) -> list[str]:
    """A section per kind of the registry built by plugins/data_kinds (events, …)."""
    from vitrine.kinds import load_kinds
    from vitrine.kinds.items import References

    out = []
    for kind in load_kinds(modules).values():
        if not kind.built_by_its_own_generator:
            heading = kind.folder if kind.folder.endswith((".yaml", ".yml")) else f"{kind.folder}/"
            out += [f"\n## {heading}\n\n{kind.doc}\n", _fields(kind.schema(References()))]
    return out


def _settings() -> str:
    """Vitrine's settings, checked when a build or vitrine check starts."""
    from vitrine.settings_schema import SETTINGS

    return ("\n## Settings (pelicanconf.py)\n\nVitrine's own settings, checked when a build "
            "or `vitrine check` starts (Pelican's other settings are Pelican's):\n\n"
            + _fields(SETTINGS) + "\n")
