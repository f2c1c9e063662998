"""The README documents every command, every make target and every front matter field."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from vitrine import frontmatter
from vitrine.cli import parser

README = (ROOT / "README.md").read_text(encoding="utf-8")


def subcommands() -> dict:
    action = next(a for a in parser()._actions if a.dest == "command")
    return action.choices


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_vitrine_command_and_option_is_in_the_readme(name):
    assert f"vitrine {name}" in README
    options = [o for a in subcommands()[name]._actions for o in a.option_strings
               if o.startswith("--") and o != "--help"]
    missing = [o for o in options if o not in README]
    assert missing == [], f"vitrine {name}: options not documented"


def test_every_make_target_with_help_is_in_the_readme():
    targets = re.findall(r"^([a-z-]+):.*## ", (ROOT / "Makefile").read_text(), re.M)
    assert targets
    assert [t for t in targets if f"make {t}" not in README] == []


@pytest.mark.parametrize("field", [f.name for f in frontmatter.STORY.fields])
def test_every_story_field_is_in_the_editors_guide(field):
    assert f"`{field}`" in README


def test_data_docs_are_generated_from_the_current_schemas():
    from vitrine.directory.docs import render

    assert (ROOT / "docs" / "data.md").read_text(encoding="utf-8") == render(), \
        "docs/data.md is out of date: run make docs"
