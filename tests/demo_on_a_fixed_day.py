"""The demo's settings on a fixed day: the audit meets open and closed job offers, upcoming and
past events, whatever the date it runs on."""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.append(ROOT)
from pelicanconf import *  # noqa: E402,F403

# Pelican reads relative folders from the settings file's own folder (tests/)
THEME = os.path.join(ROOT, "theme")
PLUGIN_PATHS = [os.path.join(ROOT, "plugins")]
EVENTS = {"today": "2026-12-02"}
