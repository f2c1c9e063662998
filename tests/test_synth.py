"""vitrine synth: a synthetic region that builds, checks clean and is the same for a seed."""

from __future__ import annotations

from pathlib import Path

from vitrine.build import build
from vitrine.cli import main
from vitrine.directory import load_directory

ROOT = Path(__file__).resolve().parent.parent


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_synth_region_checks_clean_and_builds(tmp_path, capsys):
    region = tmp_path / "region"
    assert main(["synth", "--businesses", "50", "--stories", "6", "--sources", "3",
                 "--out", str(region), "--seed", "4"]) == 0
    assert "wrote 50 businesses as" in capsys.readouterr().out
    assert len(list((region / "content" / "stories").glob("*.fr.md"))) == 6
    assert len(list((region / "content" / "stories").glob("*.en.md"))) == 6
    assert sorted(p.name for p in (region / "data" / "sources").iterdir()) == [
        "source-1.yaml", "source-2.yaml", "source-3.yaml"]
    assert main(["check", "--root", str(region)]) == 0
    assert "ok: 12 stories, 10 intros and pages" in capsys.readouterr().out
    result = build(region, tmp_path / "out", ROOT / "pelicanconf.py", strict=True)
    assert result.ok and result.warnings == 0
    assert len(list((tmp_path / "out" / "recits").glob("*/index.html"))) == 6
    assert len(list((tmp_path / "out" / "en" / "stories").glob("*/index.html"))) == 6
    assert len(list((tmp_path / "out" / "entreprises").glob("*/index.html"))) > 0


def test_sources_overlap_so_the_merge_finds_duplicates(tmp_path):
    write = main(["synth", "--businesses", "200", "--sources", "4", "--out", str(tmp_path)])
    assert write == 0
    directory = load_directory(tmp_path)
    records = sum(s.record_count for s in directory.sources.values())
    assert records > 200
    assert len(directory.businesses) < records
    assert any(len(b.sources) > 1 for b in directory.businesses)
    assert not directory.problems


def test_same_seed_writes_the_same_region_and_another_seed_does_not(tmp_path):
    for name, seed in (("a", "9"), ("b", "9"), ("c", "10")):
        main(["synth", "--businesses", "30", "--stories", "3", "--out",
              str(tmp_path / name), "--seed", seed])
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")
