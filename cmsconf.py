"""Settings of make cms: the demo's, with the web editor writing into this checkout."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# decap-server (npx decap-server, MODE=git) answers on localhost:8081 and commits here.
CMS = {**CMS, "local_backend": True,  # noqa: F405
       "local_port": int(os.environ.get("CMS_PORT", "8081"))}
