"""The benchmark's measuring tools measure what they say."""

from __future__ import annotations

from conftest import ROOT

from vitrine.cli import main
from vitrine.directory.synthetic import pairwise_quality


def test_pairwise_quality_counts_pairs_not_clusters():
    truth = {"s:1": 0, "s:2": 0, "t:1": 0, "t:2": 1}
    assert pairwise_quality([["s:1", "s:2"], ["t:1"], ["t:2"]], truth) == {
        "precision": 1.0, "recall": 0.3333, "f1": 0.5, "true_pairs": 3, "predicted_pairs": 1,
        "correct_pairs": 1}
    merged_too_much = pairwise_quality([["s:1", "s:2", "t:1", "t:2"]], truth)
    assert (merged_too_much["precision"], merged_too_much["recall"]) == (0.5, 1.0)


def test_bench_command_prints_quality_and_speed(capsys, tmp_path):
    assert main(["bench", "--root", str(ROOT), "--records", "400",
                 "--json", str(tmp_path / "r.json")]) == 0
    out = capsys.readouterr().out
    assert "pairwise precision" in out and "records from 5 sources" in out
    assert (tmp_path / "r.json").read_text().startswith("{")
