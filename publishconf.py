"""Production settings: absolute URLs for feeds and sitemaps."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("VITRINE_SITEURL", "https://vitrine.example.org")
RELATIVE_URLS = False
