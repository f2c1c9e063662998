"""The public "propose a business or a correction" pages, and the business JSON Schema.

No backend: the form is checked in the browser against the exported schema, then the
visitor opens a pre-filled issue on the agency's forge or an e-mail to the steward
(theme/static/js/propose.js). Without JavaScript the page offers a plain mailto: (or issue)
link listing the fields to give. The form never submits: the CSP's form-action 'self' would
refuse a form sent to the forge or to a mailto: address anyway.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from pelican import signals
from pelican.generators import Generator

from vitrine import routes
from vitrine.catalogue import theme_catalogue
from vitrine.directory.json_schema import SCHEMA_FILE, business_json_schema, dumps

log = logging.getLogger(__name__)
DEFAULTS = {"issue_url": "", "email": "", "folder": "agence-vitrine"}


@dataclass(frozen=True)
class FormField:
    """One control of the form, bound to a path of the business record."""

    path: str  # "description.fr": a key of the record, dotted when nested
    control: str = "input"  # input, textarea, select (categories), town (a list to pick)
    type: str = "text"
    autocomplete: str = "off"
    hint: bool = False

    @property
    def key(self) -> str:
        """The field's name in the catalogue and in element ids."""
        return self.path.replace(".", "_")


GROUPS = (
    ("business", (FormField("name", autocomplete="organization"),
                  FormField("category", control="select"),
                  FormField("description.fr", control="textarea"),
                  FormField("description.en", control="textarea"))),
    ("place", (FormField("address", autocomplete="address-line1"),
               FormField("municipality", control="town", hint=True),
               FormField("postal_code", autocomplete="postal-code", hint=True))),
    ("contact", (FormField("phone", type="tel", autocomplete="tel", hint=True),
                 FormField("email", type="email", autocomplete="email", hint=True),
                 FormField("website", type="url", autocomplete="url", hint=True))),
    ("more", (FormField("neq", hint=True, autocomplete="off"),
              FormField("hours_note", hint=True))),
)
FIELDS = tuple(field for _, fields in GROUPS for field in fields)


def propose_settings(settings) -> dict | None:
    """Return PROPOSE merged with defaults, None when unset; refuse a form with no way out."""
    given = settings.get("PROPOSE")
    if not given:
        return None
    options = {**DEFAULTS, **given}
    unknown = sorted(set(options) - set(DEFAULTS))
    if unknown:
        raise ValueError(f"propose: Invalid 'PROPOSE' key: {unknown}")
    if not (options["issue_url"] or options["email"]):
        raise ValueError("propose: 'PROPOSE' needs issue_url or email; got neither")
    return options


def fill(template: str, title: str, body: str) -> str:
    """Put a URL-encoded title and body in an issue URL template ({title}, {body})."""
    return template.replace("{title}", quote(title, safe="")).replace(
        "{body}", quote(body, safe=""))


def mailto(address: str, subject: str, body: str) -> str:
    """A mailto: link with its subject and body encoded as RFC 6068 asks (CRLF lines)."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def fallback_body(text, required: set[str]) -> str:
    """The no-JavaScript message: the fields to give, one a line, required ones marked."""
    lines = [text("propose.no_js.body_intro"), ""]
    for field in FIELDS:
        label = text(f"propose.fields.{field.key}")
        if field.path in required:
            label += f" ({text('propose.required')})"
        extra = {"category": " " + text("propose.no_js.categories"),
                 "municipality": " " + text("propose.no_js.towns")}.get(field.path, "")
        lines.append(text("propose.no_js.line", label=label + extra))
    return "\n".join(lines) + "\n"


def messages(catalogue, lang: str) -> dict[str, str]:
    """The script's words: its error messages and the issue's or e-mail's sentences."""
    wanted = ("propose.errors.", "propose.compose.", "propose.fields.", "propose.correcting")
    return {key.removeprefix("propose."): text for key, text in catalogue.strings[lang].items()
            if key.startswith(wanted)}


class ProposeGenerator(Generator):
    """Write the business JSON Schema and the form's page in each language."""

    def generate_context(self):
        """Check the settings; make the schema of the directory's categories and towns."""
        self.options = propose_settings(self.settings)
        self.directory = d = self.context.get("directory")
        if not (self.options and d):
            return
        self.schema_url = f"{routes.section('fr', 'data')}{SCHEMA_FILE}"
        public = (self.settings.get("PUBLIC_URL") or "").rstrip("/")
        self.schema = business_json_schema(d.taxonomy.categories, d.territory.municipalities,
                                           f"{public}/{self.schema_url}" if public else "")

    def generate_output(self, writer):
        """Write /donnees/schema/entreprise.json, then /proposer/ and /en/propose/."""
        if not (self.options and self.directory):
            return
        path = Path(self.output_path) / self.schema_url
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dumps(self.schema), encoding="utf-8")
        log.info("propose: wrote %s", path)
        for lang in routes.LANGUAGES:
            self._write_page(writer, lang)

    def _write_page(self, writer, lang: str) -> None:
        catalogue = theme_catalogue(self.settings["THEME"])

        def text(key, **values):
            return catalogue.get(lang, key, **values)

        d, o = self.directory, self.options
        required = set(self.schema["required"])
        towns = sorted(d.territory.municipalities.values(), key=lambda t: t.name.casefold())
        subject, body = text("propose.no_js.subject"), fallback_body(text, required)
        url = routes.section(lang, "propose")
        writer.write_file(
            routes.save_as(url), self.get_template("propose"), self.context,
            lang=lang, page_url=url, translations=routes.section_alternates("propose"),
            groups=GROUPS, required=required, towns=towns,
            categories=sorted(d.taxonomy.categories.values(), key=lambda c: c[lang].casefold()),
            schema_url=self.schema_url, folder=f"data/sources/{o['folder']}/",
            towns_by_slug={t.slug: t.name for t in towns}, messages=messages(catalogue, lang),
            issue_url=o["issue_url"], steward_email=o["email"], fallback_fields=FIELDS,
            fallback_href=mailto(o["email"], subject, body) if o["email"]
            else fill(o["issue_url"], subject, body))


def get_generators(pelican):
    """Offer the form's generator to Pelican."""
    return ProposeGenerator


def register():
    """Add the generator; it comes after business_pages, whose directory it reads."""
    signals.get_generators.connect(get_generators)
