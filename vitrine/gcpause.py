"""Pause Python's cyclic garbage collector while building large, long-lived structures."""

from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def gc_paused():
    """Run a block without cyclic GC passes; loads that allocate millions of objects that all
    stay alive otherwise spend a third or more of their time in collections that free nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
