"""The benchmark's measuring tools measure what they say."""

from __future__ import annotations

import json

from conftest import ROOT

from vitrine.cli import main
from vitrine.directory.quality import pairwise_quality


def test_pairwise_quality_counts_pairs_not_clusters():
    truth = {"s:1": 0, "s:2": 0, "t:1": 0, "t:2": 1}
    assert pairwise_quality([["s:1", "s:2"], ["t:1"], ["t:2"]], truth) == {
        "precision": 1.0, "recall": 0.3333, "f1": 0.5, "true_pairs": 3, "predicted_pairs": 1,
        "correct_pairs": 1, "false_merges": 0, "missed": [["s:1", "t:1"], ["s:2", "t:1"]],
        "wrong": []}
    merged_too_much = pairwise_quality([["s:1", "s:2", "t:1", "t:2"]], truth)
    assert (merged_too_much["precision"], merged_too_much["recall"]) == (0.5, 1.0)
    assert merged_too_much["false_merges"] == 3


def test_bench_command_prints_quality_beside_baselines_and_speed(capsys, tmp_path):
    assert main(["bench", "--root", str(ROOT), "--records", "400",
                 "--json", str(tmp_path / "r.json")]) == 0
    out = capsys.readouterr().out
    assert "records from 5 sources" in out
    # every labelled set, the directory beside both naive rules on the same records
    for title in ("Merge quality, hand-written labelled set (bench/fixtures/merge)",
                  "Import of hand-written partner exports (bench/fixtures/partners)",
                  "merge after import (bench/fixtures/partners)",
                  "Directory merge quality, synthetic labelled sources"):
        assert title in out, title
    assert out.count("name+town or phone") == out.count("  directory ") >= 3
    figures = json.loads((tmp_path / "r.json").read_text())
    partners = figures["import"]["partners"]
    assert partners["records"] == 300 and 0 < partners["reached_share"] <= 1
    assert partners["naive"]["reached_share"] < partners["reached_share"]
    merge = figures["labelled"]["merge"]
    assert set(merge) >= {"directory", "name_and_town", "name_and_town_or_phone"}
