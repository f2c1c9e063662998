"""Pause Python's cyclic garbage collector while building large, long-lived structures."""

from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def gc_paused(freeze: bool = False):
    """Run a block without cyclic GC passes; loads that allocate millions of objects that all
    stay alive otherwise spend a third or more of their time in collections that free nothing.

    With freeze, every object alive when the block ends is then frozen (gc.freeze): later
    collections skip them instead of scanning them each time (half a million, about a second
    each, at 50,000 businesses), in this process and in the page workers it forks, whose memory
    those scans would also copy. vitrine.build unfreezes when the build ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()
