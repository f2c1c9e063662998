"""People to talk to: who answers which audience, for the whole region or for some MRCs.

Each window ends with its audience's contacts; a town page shows, for each audience, its
MRC's own contact, else the region's (schema.org ContactPoint on both). No pages of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vitrine import routes
from vitrine.directory.checks import KnownSlug, Phone, localized_text
from vitrine.directory.schema import AUDIENCE
from vitrine.kinds import Kind
from vitrine.kinds.items import Bilingual
from vitrine.problems import key_path
from vitrine.schema import Choice, Email, Field, ListOf, Record, Text, Url

IMAGE = r"[^<>:]+\.(?:jpe?g|png|webp)"
# languages a contact may answer in (ISO 639 codes), named in French and English
LANGUAGES = {"fr": ("français", "French"), "en": ("anglais", "English"),
             "es": ("espagnol", "Spanish"), "pt": ("portugais", "Portuguese"),
             "de": ("allemand", "German"), "it": ("italien", "Italian"),
             "ar": ("arabe", "Arabic"), "zh": ("mandarin", "Mandarin"),
             "tl": ("tagalog", "Tagalog"), "uk": ("ukrainien", "Ukrainian"),
             "alq": ("anishinaabemowin", "Anishinaabemowin"), "cr": ("cri", "Cree")}


def contact_record(refs) -> Record:
    """Return the schema of one contact, checking MRCs against the territory's."""
    return Record(fields=[
        Field("name", Text(max_length=120), required=True, doc="The person's name."),
        Field("role", localized_text(120), required=True,
              doc="What they do for visitors: Agente de migration, Investment advisor."),
        Field("organization", localized_text(160), default=dict, doc="Who they work for."),
        Field("photo", Text(pattern=IMAGE, expected="an image under content/ (images/….jpg)"),
              doc="A portrait under content/ (square works best)."),
        Field("languages", ListOf(Choice(list(LANGUAGES)), min_items=1),
              default=lambda: ["fr"], doc="Languages they answer in: " +
              ", ".join(LANGUAGES) + " (ISO codes)."),
        Field("phone", Phone(), doc="Phone number (a tel: link)."),
        Field("email", Email(), doc="E-mail address (a mailto: link)."),
        Field("booking", Url(), doc="Where to book a call or a meeting."),
        Field("audiences", ListOf(AUDIENCE, min_items=1), required=True,
              doc="Audiences they answer: their windows show them."),
        Field("mrcs", ListOf(KnownSlug(lambda: refs.mrcs, expected="an MRC of "
                                       "data/territory.yaml")), default=list,
              doc="MRCs they answer for (none: the whole region)."),
    ])


@dataclass
class Contact(Bilingual):
    """One person to talk to, and the towns whose pages show them."""

    kind: str
    id: str
    slug: str
    name: str
    role: dict
    audiences: list
    languages: list
    organization: dict = field(default_factory=dict)
    photo: str = ""
    phone: str = ""
    email: str = ""
    booking: str = ""
    mrcs: list = field(default_factory=list)
    towns: tuple = ()  # the towns of its MRCs, or every town for the region's (sorted: the
    # page cache reads this dataclass's repr, which must not change from build to build)
    path: str = ""
    line: int | None = None

    def language_names(self, lang: str) -> list[str]:
        """The languages they answer in, named in a language."""
        return [LANGUAGES[code][0 if lang == "fr" else 1] for code in self.languages]

    def names(self) -> dict[str, set[str]]:
        """The towns whose pages may show this contact."""
        return {"towns": set(self.towns)}


def make_contact(item, doc, parts, refs) -> tuple[Contact | None, list]:
    """Turn a validated contact into a Contact; it needs a way to be reached."""
    v = item.values
    problems = []
    if not (v.get("phone") or v.get("email") or v.get("booking")):
        problems.append(doc.problem(parts, key_path(parts) or "contact", "expected a phone, an "
                                    "e-mail or a booking link, got none of them"))
    if v.get("photo") and refs.content is not None and not (refs.content / v["photo"]).is_file():
        problems.append(doc.problem(parts + ("photo",), key_path(parts + ("photo",)),
                                    f'expected an image under content/, got "{v["photo"]}" '
                                    "(file not found)"))
    if problems:
        return None, problems
    mrcs = v["mrcs"]
    towns = {t for t, mrc in refs.town_mrcs.items() if mrc in mrcs} if mrcs \
        else set(refs.town_mrcs)
    return Contact(kind=item.kind, id=item.id, slug=item.slug, name=v["name"], role=v["role"],
                   audiences=v["audiences"], languages=v["languages"],
                   organization=v["organization"], photo=v.get("photo") or "",
                   phone=v.get("phone") or "", email=v.get("email") or "",
                   booking=v.get("booking") or "", mrcs=mrcs, towns=tuple(sorted(towns)),
                   path=item.path, line=item.line), []


def for_town(contacts: list[Contact]) -> list[Contact]:
    """A town's contacts: its MRC's own first, then the region's for the audiences its MRC
    has nobody for."""
    local = [c for c in contacts if c.mrcs]
    covered = {a for c in local for a in c.audiences}
    return local + [c for c in contacts if not c.mrcs and set(c.audiences) - covered]


def for_window(contacts: list[Contact], audience: str, limit: int) -> list[Contact]:
    """A window's contacts: the region's for its audience first, then each MRC's."""
    if audience == "home":
        return []
    serving = [c for c in contacts if audience in c.audiences]
    return sorted(serving, key=lambda c: (bool(c.mrcs), sorted(c.mrcs), c.name))


def contact_points(contacts: list[Contact], lang: str, agency: str, site: str, region: str,
                   mrc_names: dict[str, str]) -> dict:
    """schema.org: the agency (an Organization) and its ContactPoints, one per contact."""
    points = []
    for c in contacts:
        point = {"@type": "ContactPoint", "name": c.name, "contactType": c.text("role", lang),
                 "availableLanguage": c.languages,
                 "areaServed": [mrc_names.get(m, m) for m in c.mrcs] or region}
        if c.phone:
            point["telephone"] = "+1-" + c.phone.split(" poste")[0].replace(" ", "-")
        if c.email:
            point["email"] = c.email
        if c.booking:
            point["url"] = c.booking
        points.append(point)
    return {"@context": "https://schema.org", "@type": "Organization", "name": agency,
            "url": f"{site}/{routes.home(lang)}", "contactPoint": points}


KIND = Kind(
    name="contacts",
    files="data/contacts.yaml",
    sections={},
    schema=contact_record,
    doc="`data/contacts.yaml`: a list under `contacts:` of the people who answer each "
        "audience, for the whole region or for some MRCs. Each window ends with its "
        "audience's contacts (the region's first); each town page shows, for each audience, "
        "its MRC's contact, else the region's. No form: phone, e-mail and booking links.",
    list_key="contacts",
    searchable=False,
    links=("towns",),
    make=make_contact,
    item_pages=False,
    window=for_window,
    shown=for_town,
)
