"""Decap CMS's config.yml, generated from the schemas: a widget per field type, never by hand.

Stories and window introductions come from vitrine/frontmatter.py; events, jobs, contacts and
figures from the kinds' registry; the agency's businesses from the directory's schema. Select
options are the project's own: audiences, categories (data/taxonomy.yaml), towns and MRCs
(data/territory.yaml), and the merged directory's business slugs for the events and jobs that
name one (a relation widget reaches one collection only, and most businesses come from the
partners' list files, which no collection holds).
"""

from __future__ import annotations

from vitrine import frontmatter, routes
from vitrine.directory.checks import BusinessSlug, Hours, KnownSlug, Localized, Phone, PostalCode
from vitrine.directory.schema import business_record
from vitrine.kinds.contacts import contact_record
from vitrine.kinds.events.schema import Price, Rule, When, event_record
from vitrine.kinds.figures import AsOf, figure_record
from vitrine.kinds.jobs.schema import job_record
from vitrine.schema import (
    EMAIL,
    WEB_URL,
    Boolean,
    Check,
    Choice,
    Date,
    Email,
    Field,
    Integer,
    ListOf,
    Number,
    Record,
    Text,
    Url,
)

MEDIA_FOLDER = "content/images"
AGENCY_FOLDER = "data/sources/agence-vitrine"  # one file per business; _source.yaml: the source
LONG_TEXT = 300  # longer texts get a multi-line box
# Each language's file holds its own front matter, so every field is translated: a field that
# Decap "duplicates" would write a translation file (with no title) for every French story.
# Checks whose values are typed as text, with the check's own words as the hint.
AS_TEXT = (Text, Email, Phone, PostalCode, Hours, When, Rule, Price, AsOf)
IMAGE = r"\.(?:jpe?g|png|webp)"  # the end of the image fields' patterns: an image widget
# The validators' own patterns (ECMAScript-safe): the editor refuses what vitrine check would.
URL_PATTERN = [f"^(?:{WEB_URL})$", "une adresse web (https://…) / a web address"]
EMAIL_PATTERN = [f"^(?:{EMAIL})$", "une adresse courriel / an e-mail address"]


class UnmappedCheck(TypeError):
    """A schema field whose type the generator cannot give a widget."""


def widget(check: Check, refs) -> dict:
    """The Decap widget settings of a schema check (refs: the project's known slugs)."""
    options = choices(check, refs)
    if options is not None:
        return {"widget": "select", "options": options}
    if isinstance(check, Localized):
        return {"widget": "object", "collapsed": False,
                "fields": [field(f, refs) for f in check.fields]}
    if isinstance(check, Record):
        return {"widget": "object", "fields": [field(f, refs) for f in check.fields]}
    if isinstance(check, ListOf):
        item = widget(check.item, refs)
        if item["widget"] == "select":
            out = {**item, "multiple": True}
            return {**out, "min": check.min_items} if check.min_items else out
        if item["widget"] == "object":
            return {"widget": "list", "fields": item["fields"]}
        return {"widget": "list", "field": {"name": "item", "label": "item", **item}}
    if isinstance(check, Boolean):  # without a default, Decap 3.16 loads no data of the file
        return {"widget": "boolean", "default": False}
    if isinstance(check, Integer):
        return _bounded({"widget": "number", "value_type": "int"}, check)
    if isinstance(check, Number):
        return _bounded({"widget": "number", "value_type": "float"}, check)
    if isinstance(check, Date):
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
                "time_format": False}
    if isinstance(check, Url):
        return {"widget": "string", "pattern": URL_PATTERN}
    if isinstance(check, Email):
        return {"widget": "string", "pattern": EMAIL_PATTERN}
    if isinstance(check, Text) and check.pattern and IMAGE in check.pattern:
        return {"widget": "image", "choose_url": False}
    if isinstance(check, AS_TEXT):
        long = isinstance(check, Text) and not check.pattern and check.max_length > LONG_TEXT
        out = {"widget": "text" if long else "string"}
        if isinstance(check, Text) and check.pattern:
            out["pattern"] = [f"^(?:{check.pattern})$", check.expected]
        return out
    raise UnmappedCheck(f"no widget for {type(check).__name__}: map it in vitrine/cms/config.py")


def choices(check: Check, refs) -> list[str] | None:
    """The options of a check that picks among known values, or None."""
    if isinstance(check, Choice):
        return check.options()
    if isinstance(check, BusinessSlug):
        return sorted(refs.businesses or ())
    if isinstance(check, KnownSlug):
        return sorted(check.known())
    return None


def _bounded(out: dict, check) -> dict:
    for name in ("minimum", "maximum"):
        if getattr(check, name) is not None:
            out[name[:3]] = getattr(check, name)
    return out


def field(f: Field, refs, label: str | None = None) -> dict:
    """A Decap field: its widget, whether it is required, and the schema's doc as its hint."""
    out = {"name": f.name, "label": label or f.name, **widget(f.check, refs),
           "required": bool(f.required)}
    if f.doc:
        out["hint"] = f.doc
    return out if f.required else optional(out)


def optional(out: dict) -> dict:
    """An optional object's fields, none required: Decap 3.16 checks them even when the
    object is absent (an offer without salary blocks the save of its employer's file)."""
    if out["widget"] == "object":
        out["fields"] = [optional({**f, "required": False}) for f in out["fields"]]
    return out


def fields(record: Record, refs, leave_out: tuple[str, ...] = ()) -> list[dict]:
    """The Decap fields of a record's schema fields."""
    return [field(f, refs) for f in record.fields if f.name not in leave_out]


def markdown_collection(name: str, label: str, folder: str, record: Record, refs,
                        create: bool = True) -> dict:
    """A folder of Markdown files in two languages: <key>.fr.md and <key>.en.md, linked."""
    named = {"municipalities": sorted(refs.towns), "businesses": sorted(refs.businesses or ())}
    shown = [{**f, "i18n": True} for f in fields(record, refs)]
    for f in shown:  # Decap fills a required multiple select with [] in every language's
        if f.get("multiple") and f["required"]:  # file, writing a stub translation: its
            f["required"] = False  # min still asks for one value in the file edited

    for f in shown:  # slugs the front matter names, checked against the data by vitrine check
        if f["name"] in named:
            f.update(widget="select", multiple=True, options=named[f["name"]])
            f.pop("field", None)
    body = {"name": "body", "label": "body", "widget": "markdown", "i18n": True,
            "required": True}
    return {"name": name, "label": label, "folder": folder, "create": create, "delete": create,
            "extension": "md", "format": "frontmatter", "slug": "{{slug}}", "i18n": True,
            "fields": [*shown, body]}


def data_collection(name: str, label: str, folder: str, shown: list[dict],
                    identifier: str) -> dict:
    """A folder of YAML files, one item each (its id: the file's name)."""
    return {"name": name, "label": label, "folder": folder, "create": True, "delete": True,
            "extension": "yaml", "format": "yaml", "identifier_field": identifier,
            "slug": "{{slug}}", "fields": shown}


# A list item's `id` is not shown: Decap 3.16 loads no data at all from a file whose list
# items declare a field of that name (a new item without one gets its id from its title).
# Saving keeps it: Decap writes back every key of an item (tests/browser/test_cms_editor.py).
def list_file(name: str, label: str, path: str, key: str, record: Record, refs) -> dict:
    """One YAML file holding a list of items under key."""
    return {"name": name, "label": label, "files": [{
        "name": name, "label": label, "file": path, "format": "yaml",
        "fields": [{"name": key, "label": key, "widget": "list", "required": True,
                    "fields": fields(record, refs)}]}]}


# Fields the editor leaves in the file: Decap reads YAML 1.1, where `remote: no` is false,
# which no select takes (it then loads no data of the file at all); jobs accept false.
NOT_SHOWN = {"jobs": ("remote",)}


def jobs_collection(refs) -> dict:
    """Job offers: one file per employer, the employer once and its offers in a list."""
    record = job_record(refs)
    employer = next(f for f in record.fields if f.name == "employer")
    offers = {"name": "jobs", "label": "jobs", "widget": "list", "required": True,
              "fields": fields(record, refs, leave_out=("employer", *NOT_SHOWN["jobs"]))}
    collection = data_collection("jobs", "Emplois / Jobs", "data/jobs",
                                 [field(employer, refs), offers], "employer.business")
    return collection


def collections(refs, agency_folder: str = AGENCY_FOLDER) -> list[dict]:
    """Every collection the editor offers, in the order of its menu."""
    return [
        markdown_collection("stories", "Récits / Stories", "content/stories",
                            frontmatter.STORY, refs),
        markdown_collection("windows", "Fenêtres / Windows", "content/windows",
                            frontmatter.WINDOW, refs, create=False),
        data_collection("events", "Événements / Events", "data/events",
                        fields(event_record(refs), refs), "title.fr"),
        jobs_collection(refs),
        list_file("contacts", "Personnes-ressources / Contacts", "data/contacts.yaml",
                  "contacts", contact_record(refs), refs),
        list_file("figures", "Chiffres clés / Key figures", "data/figures.yaml", "figures",
                  figure_record(refs), refs),
        data_collection("businesses", "Entreprises de l'agence / Agency's businesses",
                        agency_folder, fields(business_record(lambda: refs.categories,
                                                              lambda: refs.towns), refs,
                                              leave_out=("id",)), "name"),
    ]


def backend(cms: dict) -> dict:
    """Decap's backend settings from the CMS setting (repo, branch, host)."""
    out = {"name": cms["backend"], "branch": cms.get("branch") or "main"}
    for key in ("repo", "api_root", "base_url", "app_id", "auth_type"):
        if cms.get(key):
            out[key] = cms[key]
    return out


def labelled(fields: list[dict], labels: dict[str, str]) -> None:
    """Give each field named as itself the label of its name in the editor's language."""
    for f in fields:
        if f.get("label") == f["name"]:
            f["label"] = labels.get(f["name"], f["name"])
        labelled(f.get("fields") or [], labels)
        labelled([f["field"]] if "field" in f else [], labels)


def cms_config(cms: dict, refs, labels: dict[str, str] | None = None) -> dict:
    """Decap CMS's whole configuration (config.yml) for a project's CMS setting and data;
    labels: the fields' names in the editor's language (their names when absent)."""
    config = {"backend": backend(cms), "publish_mode": "editorial_workflow",
              "media_folder": MEDIA_FOLDER, "public_folder": "images",
              "locale": cms.get("locale") or routes.DEFAULT_LANG,
              "slug": {"encoding": "ascii", "clean_accents": True},
              # <key>.fr.md and <key>.en.md: a story and its translation, linked by their name
              "i18n": {"structure": "multiple_files", "locales": list(routes.LANGUAGES),
                       "default_locale": routes.DEFAULT_LANG},
              "collections": collections(refs, cms.get("businesses") or AGENCY_FOLDER)}
    for collection in config["collections"]:
        for part in [collection, *collection.get("files", [])]:
            labelled(part.get("fields") or [], labels or {})
    if cms.get("local_backend"):
        config["local_backend"] = {"url": local_api(cms)}
    return config


def local_api(cms: dict) -> str:
    """The address of decap-server's API, the local Git backend."""
    return f"http://localhost:{cms.get('local_port') or 8081}/api/v1"
