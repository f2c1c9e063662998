"""Preview settings: a draft's build under a path prefix, hidden from search engines."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# Where the preview is served: a path on the site's host (/apercus/<branch>) or a full address.
SITEURL = os.environ.get("VITRINE_SITEURL", "/apercus/local").rstrip("/")
if SITEURL.startswith("/"):
    PUBLIC_URL = PUBLIC_URL.rstrip("/") + SITEURL  # noqa: F405
else:
    PUBLIC_URL = SITEURL
RELATIVE_URLS = False
PREVIEW = True  # every page noindex, robots.txt refuses all: a draft is never indexed
