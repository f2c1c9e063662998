"""Every visible word of the theme comes from the catalogue, in both languages."""

from __future__ import annotations

import re

from conftest import ROOT

from vitrine.catalogue import Catalogue


def test_french_and_english_catalogues_have_the_same_keys():
    catalogue = Catalogue.from_folder(ROOT / "theme" / "translations")
    assert set(catalogue.strings) == {"fr", "en"}
    assert catalogue.missing() == []


def test_every_key_used_by_a_template_exists():
    catalogue = Catalogue.from_folder(ROOT / "theme" / "translations")
    keys = set(catalogue.strings["fr"])
    used = set()
    for template in (ROOT / "theme" / "templates").rglob("*.html"):
        used |= set(re.findall(r"""(?<![\w.])t\(\s*['"]([a-z_.]+)['"]""", template.read_text()))
    assert used, "no t() call found: the pattern is wrong"
    prefixes = {k for k in used if k.endswith(".")}  # t('audiences.' ~ audience)
    assert sorted(used - prefixes - keys) == []
    assert [p for p in prefixes if not any(k.startswith(p) for k in keys)] == []


def test_templates_hold_no_hard_coded_sentences():
    for template in (ROOT / "theme" / "templates").rglob("*.html"):
        text = re.sub(r"{[{%#].*?[}%#]}", "", template.read_text(), flags=re.S)
        words = re.findall(r">\s*([A-Za-zÀ-ÿ][^<]{3,})<", text)
        assert [w for w in words if " " in w.strip()] == [], template.name  # file names pass
