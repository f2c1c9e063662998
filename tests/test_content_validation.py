"""Editors' mistakes: exact messages, all at once, and a build that keeps going or refuses."""

from __future__ import annotations

from conftest import ROOT, build_copy, copy_site

from vitrine.cli import main

EXPECTED = [
    'content/stories/x.md:3: audience: expected one of investors, students, workers, tourists;'
    ' got "studens"',
    "content/stories/y.md:2: title: missing; expected text",
    'content/stories/y.md:3: lang: expected one of fr, en; got "de"',
    "content/stories/y.md:4: key: expected a translation key (lowercase-words-with-dashes), "
    'got "Bad Key"',
    'content/stories/y.md:6: date: expected a date (YYYY-MM-DD), got "30/08/2026"',
    'content/stories/y.md:8: autor: unknown key (did you mean "author"?); expected one of '
    "title, audience, lang, key, slug, summary, cover, cover_alt, date, author, "
    "municipalities, businesses, redirect_from",
    "content/stories/z.md:1: expected front matter between two --- lines at the top",
]


def test_check_reports_every_problem_at_once_with_file_and_line(tmp_path, capsys):
    root = copy_site("broken_story", tmp_path)
    assert main(["check", "--root", str(root)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[:-1] == EXPECTED
    assert lines[-1].startswith("7 problem(s) found")


def test_check_passes_on_a_clean_site(tmp_path, capsys):
    root = copy_site("basic", tmp_path)
    assert main(["check", "--root", str(root)]) == 0
    assert capsys.readouterr().out.startswith("ok: 4 stories")


def test_missing_cover_is_reported_when_front_matter_is_otherwise_valid(tmp_path, capsys):
    root = copy_site("basic", tmp_path)
    story = root / "content/stories/lac.en.md"
    story.write_text(story.read_text().replace("images/lac.jpg", "images/lake.jpg"))
    assert main(["check", "--root", str(root)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        'content/stories/lac.en.md:7: cover: expected an image under content/, got '
        '"images/lake.jpg" (file not found)')


def test_two_stories_with_one_key_in_one_language_are_refused(tmp_path, capsys):
    root = copy_site("basic", tmp_path)
    (root / "content/stories/copy.fr.md").write_text(
        (root / "content/stories/lac.fr.md").read_text())
    assert main(["check", "--root", str(root)]) == 1
    assert 'content/stories/lac.fr.md:5: key: "lac" is already used by ' \
           'content/stories/copy.fr.md' in capsys.readouterr().err


def test_normal_build_skips_bad_stories_and_builds_the_rest(tmp_path, caplog):
    site = build_copy(copy_site("broken_story", tmp_path))
    assert site.result.ok
    assert site.exists("/recits/etudier-au-cegep-a-rouyn-noranda/")
    assert site.exists("/etudier/")
    assert not list(site.output.glob("recits/une-rentree*"))
    # The project's settings are a French site's: the build's warnings are in French.
    assert 'content/stories/x.md:3: audience: attendu l\'une des valeurs investors, students, ' \
           'workers, tourists; trouvé "studens"' in caplog.text


def test_strict_build_fails_and_leaves_the_previous_output_untouched(tmp_path):
    root = copy_site("basic", tmp_path)
    first = build_copy(root)
    before = {p.relative_to(first.output): p.read_bytes() for p in first.output.rglob("*")
              if p.is_file()}
    story = root / "content/stories/lac.fr.md"
    story.write_text(story.read_text().replace("[tourists, workers]", "touristes"))
    from vitrine.build import build
    result = build(root, root / "output", ROOT / "pelicanconf.py", strict=True)
    assert not result.ok
    after = {p.relative_to(first.output): p.read_bytes() for p in first.output.rglob("*")
             if p.is_file()}
    assert after == before
    assert [p.name for p in root.iterdir() if p.name.startswith(".output")] == []


def test_a_minimal_story_takes_its_key_from_its_file_name_and_the_agency_as_author(tmp_path,
                                                                                    capsys):
    root = copy_site("basic", tmp_path)
    for lang, title in (("fr", "Premier hiver"), ("en", "First winter")):
        (root / f"content/stories/premier-hiver.{lang}.md").write_text(
            f"---\ntitle: {title}\nslug: {title.lower().replace(' ', '-')}\ndate: 2026-11-02\n"
            f"audience: workers\nlang: {lang}\nsummary: Dehors à moins trente.\n---\nTexte.\n",
            encoding="utf-8")
    assert main(["check", "--root", str(root)]) == 0, capsys.readouterr().err
    site = build_copy(root)
    page = site.html("/recits/premier-hiver/")
    assert page.select_one('link[rel="alternate"][hreflang="en"]')["href"].endswith(
        "/en/stories/first-winter/")  # linked by the file's name
    agency = "Agence d'attractivité de l'Abitibi-Témiscamingue (démo)"
    assert f"Par {agency}" in page.select_one("article .meta").get_text()
    (root / "content/stories/Premier Hiver.fr.md").write_text(
        "---\ntitle: Autre\ndate: 2026-11-02\naudience: workers\nlang: fr\nsummary: S.\n---\nT.\n",
        encoding="utf-8")
    assert main(["check", "--root", str(root)]) == 1
    assert 'content/stories/Premier Hiver.fr.md:1: key: missing, and the file\'s name ' \
           '"Premier Hiver" is no translation key' in capsys.readouterr().err
