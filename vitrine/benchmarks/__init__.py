"""Build benchmarks: Vitrine at scale, compared with stock Pelican and Hugo on the same machine."""

from __future__ import annotations

from vitrine.benchmarks.build_bench import run_build_bench
from vitrine.benchmarks.table import format_table

__all__ = ["format_table", "run_build_bench"]
