"""Production settings: absolute URLs for feeds and sitemaps."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = PUBLIC_URL = os.environ.get("VITRINE_SITEURL", PUBLIC_URL)  # noqa: F405
RELATIVE_URLS = False
