"""The web editor's config.yml agrees with the schemas: every field, its widget, whether it is
required, the real options; records made from its fields pass our own validators."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
import yaml
from conftest import ROOT

from vitrine import frontmatter, routes
from vitrine.cms.config import UnmappedCheck, cms_config, widget
from vitrine.directory import load_directory
from vitrine.directory.checks import BusinessSlug, KnownSlug
from vitrine.directory.schema import business_record
from vitrine.kinds.contacts import contact_record
from vitrine.kinds.events.schema import event_record
from vitrine.kinds.figures import figure_record
from vitrine.kinds.items import References
from vitrine.kinds.jobs.schema import job_record
from vitrine.schema import (
    INVALID,
    Boolean,
    Check,
    Choice,
    Context,
    Date,
    Field,
    Integer,
    ListOf,
    Number,
    Record,
)
from vitrine.yamlfile import Located

CMS = {"backend": "gitlab", "repo": "agence/vitrine", "branch": "main"}


@pytest.fixture(scope="module")
def refs():
    """What the demo region's items may name: its towns, categories and businesses."""
    return References.of(load_directory(ROOT), ROOT / "content", "America/Toronto",
                         dt.date(2026, 12, 1))


@pytest.fixture(scope="module")
def config(refs):
    return cms_config(CMS, refs)


def collection(config, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def fields_of(config, name: str) -> list[dict]:
    """A collection's fields: a folder's, or the items of its one file's list."""
    found = collection(config, name)
    if "files" in found:
        return found["files"][0]["fields"][0]["fields"]
    return found["fields"]


def schemas(refs) -> dict[str, tuple[Record, tuple[str, ...]]]:
    """Each collection's schema, and the fields the editor leaves out (with why)."""
    return {
        "stories": (frontmatter.STORY, ()),
        "windows": (frontmatter.WINDOW, ()),
        "events": (event_record(refs), ()),
        "contacts": (contact_record(refs), ()),
        "figures": (figure_record(refs), ()),
        # a business's id is its file's name
        "businesses": (business_record(lambda: refs.categories, lambda: refs.towns), ("id",)),
    }


def expected_widget(check: Check) -> set[str]:
    """The widgets a check may get (written apart from the generator, on purpose)."""
    if isinstance(check, (Choice, KnownSlug, BusinessSlug)):
        return {"select"}
    if isinstance(check, Record):  # Localized too: a mapping of fr and en
        return {"object"}
    if isinstance(check, ListOf):
        return {"select"} if expected_widget(check.item) == {"select"} else {"list"}
    if isinstance(check, Boolean):
        return {"boolean"}
    if isinstance(check, (Integer, Number)):
        return {"number"}
    if isinstance(check, Date):
        return {"datetime"}
    return {"string", "text", "image"}


def assert_agree(shown: list[dict], record: Record, left_out=(), translated=False, path="",
                 in_optional=False):
    """Every schema field shows, with the widget of its type and its required flag (none
    inside an optional object: Decap would check them when the object is absent)."""
    assert [f["name"] for f in shown if f["name"] != "body"] == \
        [f.name for f in record.fields if f.name not in left_out], path
    for f, field in zip([f for f in record.fields if f.name not in left_out],
                        [f for f in shown if f["name"] != "body"], strict=True):
        where = f"{path}{f.name}"
        # a story's towns and businesses: slugs of the data, picked from its lists
        named = translated and f.name in ("municipalities", "businesses")
        assert field["widget"] in ({"select"} if named else expected_widget(f.check)), where
        required = field["required"] or (translated and field.get("min", 0) >= 1)
        assert required == (f.required and not in_optional), where
        assert field.get("hint") == (f.doc or None), where
        nested = getattr(f.check, "fields", None) or getattr(
            getattr(f.check, "item", None), "fields", None)
        if nested and field["widget"] != "select":
            optional = field["widget"] == "object" and (in_optional or not f.required)
            assert_agree(field["fields"], Record(fields=nested), (), False, where + ".",
                         optional)


@pytest.mark.parametrize("name", ["stories", "windows", "events", "contacts", "figures",
                                  "businesses"])
def test_every_schema_field_shows_with_its_widget_and_required_flag(config, refs, name):
    record, left_out = schemas(refs)[name]
    assert_agree(fields_of(config, name), record, left_out, translated=name in ("stories",
                                                                               "windows"))


def test_job_offers_show_their_employer_once_and_every_offer_field(config, refs):
    record = job_record(refs)
    employer, offers = collection(config, "jobs")["fields"]
    assert employer["name"] == "employer" and employer["required"]
    assert_agree(offers["fields"], record, ("employer", "remote"))  # remote: see NOT_SHOWN


def test_select_options_are_the_taxonomy_territory_and_directory(config, refs):
    taxonomy = yaml.safe_load((ROOT / "data/taxonomy.yaml").read_text(encoding="utf-8"))
    territory = yaml.safe_load((ROOT / "data/territory.yaml").read_text(encoding="utf-8"))
    categories = sorted(c["slug"] for c in taxonomy["categories"])
    towns = sorted(t["slug"] for t in territory["municipalities"])
    business = {f["name"]: f for f in fields_of(config, "businesses")}
    assert business["category"]["options"] == categories
    assert business["municipality"]["options"] == towns
    assert business["audiences"]["options"] == list(routes.AUDIENCES)
    assert business["audiences"]["multiple"] is True
    story = {f["name"]: f for f in fields_of(config, "stories")}
    assert story["municipalities"]["options"] == towns
    assert story["businesses"]["options"] == sorted(refs.businesses) != []
    place = {f["name"]: f for f in fields_of(config, "events")}["place"]["fields"]
    assert {f["name"]: f for f in place}["business"]["options"] == sorted(refs.businesses)
    contact = {f["name"]: f for f in fields_of(config, "contacts")}
    assert contact["mrcs"]["options"] == sorted(m["slug"] for m in territory["mrcs"])


def test_a_job_written_by_a_yaml_1_1_tool_keeps_its_remote_value(refs):
    ctx = Context(Located("made.yaml", None, {}))
    assert job_record(refs).fields[8].check(False, ("remote",), ctx) == "no"
    assert job_record(refs).fields[8].name == "remote" and ctx.problems == []


def test_stories_are_linked_translations_named_like_our_files(config):
    stories = collection(config, "stories")
    assert config["i18n"] == {"structure": "multiple_files", "locales": ["fr", "en"],
                              "default_locale": "fr"}
    assert stories["i18n"] is True and stories["folder"] == "content/stories"
    assert stories["extension"] == "md" and stories["format"] == "frontmatter"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["media_folder"] == "content/images"
    assert config["backend"] == {"name": "gitlab", "branch": "main", "repo": "agence/vitrine"}
    assert "local_backend" not in config
    local = cms_config({**CMS, "local_backend": True, "local_port": 8082}, References())
    assert local["local_backend"] == {"url": "http://localhost:8082/api/v1"}


SAMPLES = {"id": "un-item", "start": "2026-12-05T19:00", "date": "2024", "key": "un-recit",
           "slug": "un-recit", "cover": "images/lac.jpg", "photo": "images/lac.jpg",
           "email": "info@example.org", "phone": "819 555-0101", "url": "https://example.org"}


def sample(field: dict):
    """A value an editor could give a field, made from the config alone."""
    if field["widget"] == "select":
        return [field["options"][0]] if field.get("multiple") else field["options"][0]
    if field["widget"] == "object":
        return {f["name"]: sample(f) for f in field["fields"]
                if f["required"] or f["name"] == "fr"} or \
            {field["fields"][0]["name"]: sample(field["fields"][0])}
    if field["widget"] == "list":
        return [sample(field["field"]) if "field" in field else
                {f["name"]: sample(f) for f in field["fields"] if f["required"]}]
    if field["widget"] == "number":
        return field.get("min", 1)
    if field["widget"] == "boolean":
        return False
    if field["widget"] == "datetime":
        return "2026-12-01"
    return SAMPLES.get(field["name"], "Un texte")


def made(fields: list[dict]) -> dict:
    """A record of a collection's required fields (a multiple select's too)."""
    return {f["name"]: sample(f) for f in fields
            if f["name"] != "body" and (f["required"] or f.get("min"))}


@pytest.mark.parametrize("name", ["events", "contacts", "figures", "businesses"])
def test_a_record_made_from_the_config_passes_our_validators(config, refs, name):
    record, _ = schemas(refs)[name]
    ctx = Context(Located("made.yaml", None, {}))
    value = {"id": "un-item", **made(fields_of(config, name))} if name == "businesses" \
        else made(fields_of(config, name))
    assert record(value, (), ctx) is not INVALID and ctx.problems == []


def test_a_job_file_made_from_the_config_passes_our_validators(config, refs):
    employer, offers = collection(config, "jobs")["fields"]
    offer = {**made(offers["fields"]), "valid_through": "2026-12-31"}
    ctx = Context(Located("made.yaml", None, {}))
    value = {"employer": {"business": employer["fields"][0]["options"][0]}, **offer}
    assert job_record(refs)(value, (), ctx) is not INVALID and ctx.problems == []


def test_a_story_made_from_the_config_passes_the_front_matter_check(config):
    meta = {**made(fields_of(config, "stories")), "lang": "fr"}
    text = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\nTexte.\n"
    parsed = frontmatter.read(text.encode(), "content/stories/un-recit.fr.md")
    assert parsed.problems == [] and parsed.meta["title"] == "Un texte"


def test_an_empty_translation_file_is_no_story_and_no_problem():
    assert frontmatter.read(b"\n", "content/stories/un-recit.en.md").problems == []


def test_every_key_of_the_demo_data_is_a_field_of_the_editor(config):
    known = {name: {f["name"] for f in fields_of(config, name)} | {"id"}
             for name in ("events", "contacts", "figures", "businesses")}
    for name, folder in (("events", "data/events"), ("businesses",
                                                      "data/sources/agence-vitrine")):
        for path in sorted((ROOT / folder).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            # the source's own file; an organiser's list of events, edited by hand
            if path.name != "_source.yaml" and "events" not in data:
                assert set(data) <= known[name], path
    for name in ("contacts", "figures"):
        data = yaml.safe_load((ROOT / f"data/{name}.yaml").read_text(encoding="utf-8"))
        assert set().union(*data[name]) <= known[name]


def test_a_field_of_a_type_the_generator_does_not_know_fails(refs):
    @dataclass
    class Colour(Check):
        expected: str = "a colour"

    with pytest.raises(UnmappedCheck, match="no widget for Colour"):
        widget(Record(fields=[Field("colour", Colour())]), refs)



def field_names(fields: list[dict]) -> set[str]:
    """Every field's name, list items' fields included."""
    names = set()
    for f in fields:
        names.add(f["name"])
        names |= field_names(f.get("fields") or []) | field_names([f["field"]] if "field" in f
                                                                  else [])
    return names


def test_every_field_has_a_label_in_both_languages_and_the_editor_shows_the_sites(config):
    names = set()
    for c in config["collections"]:
        for part in [c, *c.get("files", [])]:
            names |= field_names(part.get("fields") or [])
    for lang in routes.LANGUAGES:
        words = yaml.safe_load((ROOT / "theme" / "translations" / f"{lang}.yaml")
                               .read_text(encoding="utf-8"))["cms"]["fields"]
        assert names - set(words) == set(), f"{lang}: add these to cms.fields"


def test_the_built_editor_labels_fields_in_the_sites_language(basic_site):
    config = yaml.safe_load((basic_site.output / "admin/config.yml").read_text("utf-8"))
    stories = next(c for c in config["collections"] if c["name"] == "stories")
    labels = {f["name"]: f["label"] for f in stories["fields"]}
    assert labels["cover_alt"] == "Description de l'image (pour les lecteurs d'écran)"
    assert labels["audience"] == "Public" and labels["body"] == "Texte"
