"""Write the web editor at /admin/: Decap CMS vendored from node_modules, and its config.yml
generated from the schemas (vitrine/cms/config.py).

The editor's page needs more than the site's policy (Decap evaluates code and styles itself
inline): it gets its own Content-Security-Policy, in its meta element and as its own rule of
the _headers file (CSP_PATH_POLICIES, read by security_headers). It is noindex, written
beside the site's pages rather than as one of them (so absent from the sitemap), and outside
the folders the search index reads.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from pelican import signals
from pelican.generators import Generator

from vitrine.catalogue import theme_catalogue
from vitrine.cms.config import cms_config, local_api
from vitrine.kinds.items import References
from vitrine.links import link_or_copy

log = logging.getLogger(__name__)
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
BUNDLE = "decap-cms/dist"
FOLDER = "admin"
# Decap compiles its config's JSON schema (ajv: eval), styles itself inline (emotion),
# decodes with WebAssembly, shows images as blob:/data: URLs and reads its draft backups back
# from blob: URLs.
EDITOR_CSP = {"script-src": ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
              "style-src": ["'self'", "'unsafe-inline'"],
              "img-src": ["'self'", "data:", "blob:"],
              "connect-src": ["'self'", "blob:"],
              "frame-src": ["'self'", "blob:"]}
HOSTS = {"gitlab": "https://gitlab.com", "github": "https://api.github.com"}


def editor_csp(cms: dict) -> dict[str, list[str]]:
    """The editor's policy: the site's base, what Decap needs, and its backend's API."""
    api = cms.get("api_root") or HOSTS.get(cms.get("backend"), "")
    if cms.get("local_backend"):
        api = local_api(cms)
    origin = urlsplit(api)
    extra = [f"{origin.scheme}://{origin.netloc}"] if origin.netloc else []
    policy = {k: list(v) for k, v in EDITOR_CSP.items()}
    policy["connect-src"] += extra
    policy["img-src"] += extra  # media listed from the repository
    return policy


def configure(pelican) -> None:
    """Give the editor's folder its own policy in the _headers file."""
    cms = pelican.settings.get("CMS")
    if cms:
        policies = dict(pelican.settings.get("CSP_PATH_POLICIES") or {})
        policies[f"/{FOLDER}/*"] = editor_csp(cms)
        pelican.settings["CSP_PATH_POLICIES"] = policies


def vendor(node_modules: Path, target: Path) -> bool:
    """Link (or copy) Decap's bundle, its chunks and WebAssembly (no source maps) into
    target: 6.5 MB a build would otherwise copy; False if missing."""
    source = node_modules / BUNDLE
    if not (source / "decap-cms.js").is_file():
        return False
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.name.endswith(("decap-cms.js", ".wasm", "decap-cms.js.LICENSE.txt")):
            link_or_copy(str(path), str(target / path.name))
    return True


class CmsGenerator(Generator):
    """Write admin/index.html, Decap's bundle and config.yml."""

    def generate_output(self, writer):
        """Write the editor, unless the CMS setting is absent or Decap is not installed."""
        cms = self.settings.get("CMS")
        if not cms:
            log.info("cms: no CMS setting; /%s/ is not written", FOLDER)
            return
        node_modules = Path(self.settings.get("CMS_NODE_MODULES") or NODE_MODULES)
        target = Path(self.output_path) / FOLDER
        if not vendor(node_modules, target):
            report = log.error if os.environ.get("CI") == "true" else log.warning
            report("cms: %s is missing; run `npm ci` (`make html` does) to install Decap CMS: "
                   "/%s/ is not written", node_modules / BUNDLE / "decap-cms.js", FOLDER)
            return
        refs = References.of(self.context.get("directory"), Path(self.settings["PATH"]),
                             self.settings.get("TIMEZONE"))
        locale = cms.get("locale") or self.settings.get("DEFAULT_LANG") or "fr"
        words = theme_catalogue(self.settings["THEME"]).strings.get(locale, {})
        labels = {key.removeprefix("cms.fields."): text for key, text in words.items()
                  if key.startswith("cms.fields.")}
        config = cms_config(cms, refs, labels)
        (target / "config.yml").write_text(
            "# Written by Vitrine's cms plugin from the schemas: never edit it by hand.\n"
            + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        csp = (self.context.get("PATH_CSP") or {}).get(f"/{FOLDER}/*", "")
        context = {**self.context, "lang": self.settings.get("DEFAULT_LANG") or "fr",
                   "noindex": True, "EDITOR_CSP": csp}
        page = target / "index.html"
        page.write_text(self.get_template("admin").render(context), encoding="utf-8")
        # a page of the build (counted), noindex: the sitemap leaves it out
        signals.content_written.send(str(page), context=context)
        log.info("cms: wrote /%s/ (%d collections)", FOLDER, len(config["collections"]))


def get_generators(pelican):
    """Offer the editor's generator to Pelican."""
    return CmsGenerator


def register():
    """Give /admin/ its policy at start; write the editor with the site."""
    signals.initialized.connect(configure)  # before security_headers reads the policies
    signals.get_generators.connect(get_generators)
