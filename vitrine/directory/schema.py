"""The declared schema of every directory data file, documented field by field."""

from __future__ import annotations

from vitrine.directory.checks import Hours, KnownSlug, Phone, PostalCode, localized_text
from vitrine.routes import AUDIENCES
from vitrine.schema import (
    Choice,
    Date,
    Email,
    Field,
    ListOf,
    Number,
    Record,
    Text,
    Url,
)

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
# A record's category or town that could not be placed yet: it waits in the steward's review
# queue (vitrine import writes it, with the partner's value under review:).
TO_CLASSIFY = "a-classer"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
AUDIENCE = Choice(list(AUDIENCES))

CATEGORY = Record(fields=[
    Field("slug", Text(pattern=SLUG, expected="a slug"), required=True, doc="Identifier, in URLs."),
    Field("fr", Text(max_length=80), required=True, doc="French label."),
    Field("en", Text(max_length=80), required=True, doc="English label."),
    Field("audiences", ListOf(AUDIENCE, min_items=1), required=True,
          doc="Audiences this category serves (its businesses appear in those windows)."),
    Field("schema_type", Text(pattern=r"[A-Z][A-Za-z]+", expected="a schema.org type"),
          default="LocalBusiness", doc="schema.org type of its businesses (JSON-LD)."),
    Field("aliases", ListOf(Text(max_length=120)), default=list,
          doc="Partners' labels that mean this category (vitrine import proposes it for them)."),
])
TAXONOMY = Record(fields=[Field("categories", ListOf(CATEGORY, single_ok=False, min_items=1),
                                required=True, doc="Every category.")])

MUNICIPALITY = Record(fields=[
    Field("slug", Text(pattern=SLUG, expected="a slug"), required=True, doc="Identifier, in URLs."),
    Field("name", Text(max_length=120), required=True, doc="Official name."),
    Field("mrc", Text(pattern=SLUG, expected="an MRC slug"), required=True, doc="Its MRC."),
    Field("lat", Number(-90, 90, expected="a latitude"), required=True, doc="Latitude."),
    Field("lon", Number(-180, 180, expected="a longitude"), required=True, doc="Longitude."),
    Field("aliases", ListOf(Text(max_length=120)), default=list,
          doc="Other spellings partners use, and former municipalities merged into this one "
              "(for imports)."),
])
TERRITORY = Record(fields=[
    Field("region", Record(fields=[
        Field("name", Text(max_length=120), required=True, doc="Region name."),
        Field("bounds", Record(fields=[Field(k, Number(-180, 180), required=True)
                                       for k in ("south", "west", "north", "east")]),
              required=True, doc="Bounding box; coordinates outside it are refused."),
        Field("area_code", Text(pattern=r"[2-9]\d\d", expected="a 3-digit area code"),
              default="", doc="Phone area code that vitrine import adds to 7-digit numbers."),
    ]), required=True, doc="The region."),
    Field("mrcs", ListOf(Record(fields=[
        Field("slug", Text(pattern=SLUG, expected="a slug"), required=True),
        Field("name", Text(max_length=120), required=True)]), single_ok=False, min_items=1),
        required=True, doc="Regional county municipalities."),
    Field("municipalities", ListOf(MUNICIPALITY, single_ok=False, min_items=1), required=True,
          doc="Every municipality."),
])

SOURCE = Record(fields=[
    Field("name", Text(max_length=200), required=True, doc="Name shown on business pages."),
    Field("owner", Text(max_length=200), required=True, doc="Who keeps this list."),
    Field("licence", Text(max_length=80), required=True, doc="Licence, e.g. CC-BY-4.0."),
    Field("retrieved", Date(), required=True, doc="Date of the export; newer sources win ties."),
    Field("url", Url(), doc="Where the source lives."),
])


def business_record(categories, towns) -> Record:
    """Return the business schema, checking categories and towns against the data files."""
    return Record(fields=[
        Field("id", Text(max_length=64, pattern=r"[^\s/:]+", expected="a record id "
                         "without spaces, / or :"), required=True,
              doc="The source's own id for this record; stable across imports."),
        Field("name", Text(max_length=200), required=True, doc="Business name."),
        Field("category", KnownSlug(categories, expected="a category of data/taxonomy.yaml",
                                    also=(TO_CLASSIFY,)), required=True,
              doc=f"Category slug, or `{TO_CLASSIFY}` while it waits for review."),
        Field("municipality", KnownSlug(towns, expected="a municipality of "
                                        "data/territory.yaml", also=(TO_CLASSIFY,)),
              required=True, doc=f"Town slug, or `{TO_CLASSIFY}` while it waits for review."),
        Field("address", Text(max_length=200), default="", doc="Street address."),
        Field("postal_code", PostalCode(), default="", doc="Postal code, A1A 1A1."),
        Field("lat", Number(-90, 90, expected="a latitude"), doc="Latitude (WGS 84)."),
        Field("lon", Number(-180, 180, expected="a longitude"), doc="Longitude (WGS 84)."),
        Field("phone", Phone(), default="", doc='Phone; stored as "819 555-0101 poste 12".'),
        Field("other_phones", ListOf(Phone()), default=list,
              doc="More phone numbers of the business (a cell, a second line)."),
        Field("email", Email(), default="", doc="E-mail address."),
        Field("other_emails", ListOf(Email()), default=list, doc="More e-mail addresses."),
        Field("website", Url(), default="", doc="Web site (http or https only)."),
        Field("neq", Text(pattern=r"\d{10}", expected="a Québec enterprise number (10 "
                          "digits)"), default="", doc="NEQ, Québec enterprise number."),
        Field("description", localized_text(5000), default=dict,
              doc="Descriptions in French and English, plain text (a plain text is in the "
                  "site's default language)."),
        Field("audiences", ListOf(AUDIENCE), default=list,
              doc="Audiences served; defaults to the category's."),
        Field("hours", Record(fields=[Field(d, Hours()) for d in DAYS]), default=dict,
              doc='Opening hours per day (mon…sun): "08:00-17:00" or "closed".'),
        Field("hours_note", Text(max_length=500), default="",
              doc="Opening hours as the partner wrote them, when they could not be read."),
        Field("review", Record(fields=[Field("category", Text(max_length=200), default=""),
                                       Field("municipality", Text(max_length=200),
                                             default="")]), default=dict,
              doc=f"The partner's category or town that could not be placed (set by "
                  f"vitrine import with `{TO_CLASSIFY}`)."),
        Field("tags", ListOf(Text(max_length=40)), default=list, doc="Free keywords."),
    ])


OVERRIDE_REF = Text(pattern=r"[a-z0-9-]+:[^\s/:]+", expected="a record reference source:id")
OVERRIDES = Record(fields=[
    Field("same", ListOf(ListOf(OVERRIDE_REF, single_ok=False, min_items=2), single_ok=False),
          default=list, doc="Groups of records that are one business."),
    Field("different", ListOf(ListOf(OVERRIDE_REF, single_ok=False, min_items=2),
                              single_ok=False), default=list,
          doc="Groups of records that are different businesses, whatever the scores say."),
    Field("prefer", ListOf(Record(fields=[
        Field("record", OVERRIDE_REF, required=True, doc="Any record of the business."),
        Field("field", Text(pattern=r"[a-z_]+", expected="a field name"), required=True),
        Field("value", Text(max_length=5000)),
        Field("source", Text(pattern=SLUG, expected="a source id"))]), single_ok=False),
        default=list, doc="Values to keep for a business: a value, or a source's value."),
])
