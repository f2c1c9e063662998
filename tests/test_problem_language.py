"""Problems are told in the site's language: French for a French site, English otherwise."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, copy_site

from vitrine.cli import main
from vitrine.problem_language import QUOTED, translate

# Words of the English grammar of our messages (not field names, which stay as written): none
# may be left in a French message.
ENGLISH = re.compile(r"\b(expected|got|missing|unknown|invalid|between|must|already|"
                     r"nothing|mapping|address|one of|at least|did you mean)\b")

BREAKAGES = {  # file: (text, replaced by) — one of each kind of mistake an editor makes
    "content/stories/lac.fr.md": [("audience: [tourists, workers]", "audience: studens"),
                                  ("cover: images/lac.jpg", "cover: images/lack.jpg"),
                                  ("municipalities: [ville-marie]", "municipalities: [vile-marie]"),
                                  ("date: 2026-07-01", "date: 2026-07-01\nsumary: oups")],
    "data/sources/agence/genie-nord.yaml": [("municipality: amos", "municipality: amoss"),
                                            ("phone: 819-555-0400", "phone: 12\nwebsite: "
                                             "\"javascript:alert(1)\"")],
    "data/jobs/genie-nord.yaml": [("date_posted: 2026-11-20", "date_posted: 2026-11-31"),
                                  ("remote: hybrid", "remote: hybrid\n    remote: no")],
    "data/figures.yaml": [("value: 147500", "value: beaucoup")],
}


def broken_site(tmp_path, lang: str):
    """The windows fixture with an editor's mistakes, under settings in one language."""
    root = copy_site("windows", tmp_path)
    for name, edits in BREAKAGES.items():
        path = root / name
        text = path.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, (name, old)
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    (root / "content" / "stories" / "vide.fr.md").write_text("Pas d'en-tête.\n", encoding="utf-8")
    settings = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    (root / "pelicanconf.py").write_text(
        settings.replace('DEFAULT_LANG = "fr"', f'DEFAULT_LANG = "{lang}"'), encoding="utf-8")
    return root


def check(root, capsys, *options) -> list[str]:
    """Run vitrine check; its problems, one per line."""
    assert main(["check", "--root", str(root), *options]) == 1
    captured = capsys.readouterr()
    return captured.err.splitlines() + captured.out.splitlines()


def test_a_french_site_is_told_its_problems_in_french(tmp_path, capsys):
    lines = check(broken_site(tmp_path, "fr"), capsys)
    text = "\n".join(lines)
    assert ('content/stories/lac.fr.md:3: audience: attendu l\'une des valeurs investors, '
            'students, workers, tourists; trouvé "studens"') in text
    assert ('data/sources/agence/genie-nord.yaml:6:1: website: attendu une adresse web '
            '(https://…), trouvé une adresse dangereuse (javascript:)') in text
    assert 'municipality: attendu une municipalité de data/territory.yaml, trouvé "amoss"' in text
    assert "content/stories/vide.fr.md:1: attendu un en-tête entre deux lignes --- en haut du " \
           "fichier" in text
    assert "clé en double; donnée une première fois à la ligne" in text
    assert re.search(r"\d+ problème\(s\) trouvé\(s\)", text)
    problems = [line for line in lines if re.match(r"\S+:\d+", line)]
    assert len(problems) >= 10
    for line in problems:
        message = QUOTED.sub('""', line.split(": ", 2)[-1])
        assert not ENGLISH.search(message), line


def test_an_english_site_keeps_english_and_values_as_found(tmp_path, capsys):
    text = "\n".join(check(broken_site(tmp_path, "en"), capsys))
    assert ('audience: expected one of investors, students, workers, tourists; '
            'got "studens"') in text
    assert "problème" not in text
    # A value is shown as found, even when it reads like a phrase of the catalogue.
    assert translate('expected a slug, got "expected text"', "fr") == \
        'attendu un identifiant, trouvé "expected text"'


@pytest.mark.parametrize("form", ["github", "gitlab"])
def test_problems_are_reported_where_a_merge_request_shows_them(tmp_path, capsys, form):
    lines = check(broken_site(tmp_path, "fr"), capsys, "--format", form)
    text = "\n".join(lines)
    if form == "github":
        assert ("::error file=content/stories/lac.fr.md,line=3,title=audience::audience: "
                "attendu l'une des valeurs investors") in text
    else:
        import json
        report = json.loads(text[text.index("["):text.rindex("]") + 1])
        first = next(i for i in report if i["location"]["path"] == "content/stories/lac.fr.md")
        assert first["location"]["lines"]["begin"] == 3
        assert first["description"].startswith("audience: attendu")
        assert len({i["fingerprint"] for i in report}) == len(report)
