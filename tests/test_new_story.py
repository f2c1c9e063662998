"""Editors start a story with one command and get a file that builds."""

from __future__ import annotations

import subprocess

from conftest import ROOT, build_copy, copy_site

from vitrine.cli import main


def test_new_story_writes_a_valid_skeleton_that_appears_in_its_window(tmp_path, capsys):
    root = copy_site("basic", tmp_path)
    assert main(["new-story", "--root", str(root), "--audience", "investors",
                 "--title", "Un « vrai » quai: l'usine d'Amos"]) == 0
    path = capsys.readouterr().out.strip()
    assert path == "content/stories/un-vrai-quai-lusine-damos.fr.md"
    assert main(["check", "--root", str(root)]) == 0
    site = build_copy(root)
    titles = [a.get_text() for a in site.html("/investir/").select(".card h3 a")]
    assert titles == ["Un « vrai » quai: l'usine d'Amos"]


def test_new_story_refuses_an_unknown_audience_and_an_existing_file(tmp_path, capsys):
    root = copy_site("basic", tmp_path)
    assert main(["new-story", "--root", str(root), "--audience", "studens", "--title", "X"]) == 1
    assert capsys.readouterr().err.strip() == (
        'audience: expected one of investors, students, workers, tourists; got "studens"')
    args = ["new-story", "--root", str(root), "--audience", "students", "--title", "Deux fois"]
    assert main(args) == 0
    assert main(args) == 1
    assert "already exists" in capsys.readouterr().err


def test_make_new_story_target_uses_the_same_command(tmp_path):
    root = copy_site("basic", tmp_path)
    for name in ("Makefile", "pyproject.toml"):
        (root / name).write_bytes((ROOT / name).read_bytes())
    (root / "vitrine").symlink_to(ROOT / "vitrine")
    done = subprocess.run(["make", "--no-print-directory", "-C", str(root),
                           f"VENV={ROOT / '.venv'}", "new-story", "AUDIENCE=tourists",
                           "TITLE=Pêche blanche à Ville-Marie", "LANG=fr"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert (root / "content/stories/peche-blanche-a-ville-marie.fr.md").is_file()
