"""Directory pages rendered by two worker processes are the same bytes as a serial render."""

from __future__ import annotations

import pytest
from conftest import build_copy, output_files, twin_sites

SETTINGS = {"per_page": 48, "window_sample": 12}


def _build(root, workers):
    site = build_copy(root, DIRECTORY={**SETTINGS, "workers": workers})
    assert site.result.ok
    return output_files(site.output)


@pytest.mark.parametrize("kind", ["directory", "synth"])
def test_two_workers_write_the_same_site_as_one(tmp_path, kind):
    one, two = twin_sites(tmp_path, kind, ("one", "two"))
    serial, parallel = _build(one, 1), _build(two, 2)
    assert sorted(serial) == sorted(parallel)
    assert [p for p in serial if serial[p] != parallel[p]] == []
    assert any(p.endswith("index.html") and "entreprises/" in p for p in parallel)
