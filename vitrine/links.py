"""Put a file of an earlier build into a new one without copying its bytes when possible."""

from __future__ import annotations

import os
import shutil


def link_or_copy(source, target) -> None:
    """Hard-link source at target, or copy it on a file system without hard links.

    A missing source raises FileNotFoundError (callers decide what a missing file means).
    """
    try:
        os.link(source, target)
    except FileNotFoundError:
        raise
    except OSError:  # another file system, or no hard links
        shutil.copyfile(source, target)
