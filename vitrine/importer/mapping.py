"""Which columns of an export feed which field, and which of our categories each partner label
means: proposed from the export itself, then kept in a YAML file the steward reviews."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from vitrine.directory.normal import plain_key
from vitrine.directory.schema import TO_CLASSIFY
from vitrine.importer.hours import DAY_OF
from vitrine.importer.structured import KEY
from vitrine.problems import Problem
from vitrine.text import clean
from vitrine.yamlfile import YamlError, load

# our field: names of the columns that feed it, best first (compared without accents, case
# or punctuation; for a nested path, its last part, then its last two parts)
SYNONYMS = {
    "id": ["id", "identifiant", "no", "numero", "code", "record id", "no dossier", "no membre",
           "numero de membre", "numero membre", "matricule", "fiche", "no fiche", "key"],
    "name": ["nom commercial", "nom", "name", "nom de l entreprise", "nom entreprise",
             "entreprise", "business name", "business", "company name", "company", "commerce",
             "nom du commerce", "etablissement", "denomination", "raison sociale"],
    "category": ["categorie", "category", "categories", "secteur d activite", "secteur",
                 "activite", "type de commerce", "type d entreprise", "type", "sector",
                 "domaine", "industrie", "classification"],
    "address": ["adresse", "address", "adresse civique", "street address", "adresse complete",
                "adresse postale"],
    "postal_code": ["code postal", "postal code", "cp", "postal", "zip", "code"],
    "municipality": ["ville", "municipalite", "city", "town", "localite", "municipality",
                     "adresse ville"],
    "lat": ["lat", "latitude", "coordonnees lat", "y"],
    "lon": ["lon", "lng", "long", "longitude", "coordonnees lng", "coordonnees lon", "x"],
    "phone": ["telephone", "tel", "phone", "no telephone", "numero de telephone",
              "telephone principal", "telephone 1", "telephones", "phones", "cellulaire",
              "cell", "mobile", "sans frais", "telephone 2", "autre telephone"],
    "email": ["courriel", "email", "e mail", "adresse courriel", "mail", "courriels",
              "emails", "courriel 2"],
    "website": ["site web", "site", "website", "url", "web", "site internet", "internet",
                "site web url"],
    "neq": ["neq", "no neq", "numero d entreprise du quebec", "numero d entreprise",
            "no entreprise", "numero entreprise"],
    "description": ["description", "descriptif", "presentation", "a propos", "about",
                    "description fr", "description francais"],
    "description_en": ["description en", "description anglais", "english description"],
    "hours": ["heures d ouverture", "heures", "horaire", "horaires", "heures ouverture",
              "opening hours", "hours"],
}
CIVIC = ["numero civique", "no civique", "civique", "civic", "street number", "numero de rue",
         "no", "numero"]
STREET = ["rue", "street", "nom de rue", "voie", "adresse"]
UNIT = ["local", "suite", "bureau", "app", "appartement", "unite", "unit"]
# categorie: {id: 197, libelle: Électricien}, telephones: [{numero: …}]: the parent names it
LABEL_PARTS = {"libelle", "label", "nom", "name", "valeur", "value", "texte", "text", "titre",
               "title", "fr", "numero", "number"}
FIELDS = (*SYNONYMS, "description_fr")
MULTI = ("phone", "email")  # several columns: every value; address: joined; others: the first


@dataclass
class Mapping:
    """A source's mapping: metadata, columns per field, and its category table."""

    source: dict = field(default_factory=dict)
    columns: dict[str, str | list[str]] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # label: how it was guessed
    municipalities: dict[str, str] = field(default_factory=dict)  # this partner's spellings

    def category_of(self, label: str) -> str | None:
        """Return the table's category for a partner label (case and accents ignored)."""
        return lookup(self.categories, label)

    def town_of(self, spelling: str) -> str | None:
        """Return the table's town for a partner's spelling (case and accents ignored)."""
        return lookup(self.municipalities, spelling)


def lookup(table: dict, label: str):
    """A partner label's entry in a table of the mapping (case and accents ignored)."""
    if label in table:
        return table[label]
    return {label_key(k): v for k, v in table.items()}.get(label_key(label))


class MappingError(Exception):
    """A mapping file that cannot be used; every problem in it."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def label_key(label: str) -> str:
    """A partner label as compared: cleaned, without accents or case."""
    return plain_key(clean(label)[0])


def propose(columns: list[str]) -> dict[str, str | list[str]]:
    """Guess which column (or columns) feeds each field, from their names or paths."""
    paths = {c: c.split(".") for c in columns}
    last = {c: plain_key(p[-1]) for c, p in paths.items()}
    two = {c: plain_key(" ".join(p[-2:])) for c, p in paths.items()}
    parent = {c: ".".join(p[:-1]) for c, p in paths.items()}
    named = {c: {last[c], two[c], plain_key(c)} | (
        {plain_key(paths[c][-2])} if len(paths[c]) > 1 and last[c] in LABEL_PARTS else set())
        for c in columns}
    # telephones.type is no category: a column under another field's object serves only it
    # (an address object holds the town and postal code too)
    owner = {c: next((f for f in ("phone", "email", "website", "category", "neq")
                      if plain_key(paths[c][-2]) in SYNONYMS[f]), None)
             if len(paths[c]) > 1 else None for c in columns}
    out: dict[str, str | list[str]] = {}
    taken: set[str] = set()

    def take(name, found):
        if found:
            out[name] = found if len(found) > 1 else found[0]
            taken.update(found)

    # days under one parent are opening hours; fr/en under one parent a description
    by_parent = Counter(parent[c] for c in columns if last[c] in DAY_OF)
    hours = next((p for p, n in by_parent.most_common() if n >= 3 and p), None)
    hours = hours or next((parent[c] for c in columns if parent[c] and last[c] in
                           ("jour", "jours", "day", "days")), None)  # a list of day objects
    if hours:
        out["hours"] = hours
        taken.update(c for c in columns if parent[c] == hours)
    if KEY in columns:
        take("id", [KEY])
    # a civic number, a street and a unit in separate columns: one address
    civic = [c for c in columns if last[c] in CIVIC and owner[c] in (None, "address")
             and (parent[c] or last[c] not in ("no", "numero"))]
    street = [c for c in columns if last[c] in STREET and c not in civic]
    street = [s for s in street if any(parent[c] == parent[s] for c in civic)] or street
    civic = [c for c in civic if any(parent[c] == parent[s] for s in street)] or civic
    lines = [c for c in columns if re.fullmatch(r"(?:adresse|address)(?: ligne| line)? \d",
                                                 plain_key(paths[c][-1]))]
    if len(lines) > 1 and not parent[lines[0]]:  # "Adresse 1", "Adresse 2": one address
        take("address", sorted(lines, key=plain_key))
    if "address" not in out and civic and street and (parent[civic[0]] == parent[street[0]]):
        unit = [c for c in columns if last[c] in UNIT and parent[c] == parent[street[0]]]
        if parent[street[0]] in columns:  # some records give the address whole, some in parts
            taken.update([civic[0], street[0], *unit[:1]])
            take("address", [parent[street[0]]])
        else:
            take("address", [civic[0], street[0], *unit[:1]])
    for name, words in SYNONYMS.items():
        if name in out:
            continue
        found = []
        for word in words:
            for c in columns:
                if c not in taken and c not in found and word in named[c] \
                        and owner[c] in (None, name, "description" if name.startswith(
                            "description") else name):
                    found.append(c)
            if found and name not in MULTI:
                break
        if name == "description":
            found = _described(found, columns, parent, last)
        take(name, found[:1] if name not in MULTI else found)
    english = out.get("description_en")
    if isinstance(english, str) and english.startswith(f"{out.get('description')}."):
        del out["description_en"]  # description.en: already read with description
    return out


def _described(found: list[str], columns: list[str], parent: dict, last: dict) -> list[str]:
    """Name a description given as fr/en children by its parent (description.fr → description)."""
    for c in columns:
        if last[c] in ("fr", "francais") and parent[c] and plain_key(parent[c].split(".")[-1]) in \
                SYNONYMS["description"]:
            return [parent[c]]
    return found


def propose_categories(labels: list[str], guess) -> tuple[dict[str, str], dict[str, str]]:
    """Every distinct label with our best guess (or a-classer), and how it was guessed."""
    counts: Counter = Counter()
    spelling: dict[str, Counter] = {}
    for label in labels:
        text = clean(label)[0]
        if text:
            key = plain_key(text)
            counts[key] += 1
            spelling.setdefault(key, Counter())[text] += 1
    table, notes = {}, {}
    for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        label = spelling[key].most_common(1)[0][0]
        slug, how = guess(label)
        table[label] = slug or TO_CLASSIFY
        rows = f"{count} row{'s' if count > 1 else ''}"
        notes[label] = f"{rows}; like {how}" if slug else f"{rows}; TO REVIEW: {how}"
    return table, notes


def read_mapping_file(path: Path, shown: str, fields, required: str):
    """A mapping file's data and columns, with every problem of its columns: an unknown
    field, a value that is no column name (or list of them), the required field missing."""
    try:
        doc, problems = load(path, shown)
    except YamlError as exc:
        raise MappingError([exc.problem]) from None
    data = doc.data if isinstance(doc.data, dict) else {}
    columns = data.get("columns") if isinstance(data.get("columns"), dict) else {}
    for name, value in columns.items():
        if name not in fields:
            problems.append(doc.problem(("columns", name), f"columns.{name}",
                                        f"unknown field; expected one of {', '.join(fields)}"))
        elif not (isinstance(value, str) or isinstance(value, list) and value
                  and all(isinstance(v, str) for v in value)):
            problems.append(doc.problem(("columns", name), f"columns.{name}",
                                        "expected a column name, or a list of them"))
    if required not in columns:
        problems.append(doc.problem(("columns",), "columns", f"expected the column of "
                                                             f"{required}: at least "
                                                             f"{required}: <column>"))
    return doc, data, columns, problems


def load_mapping(path: Path, shown: str) -> Mapping:
    """Read a mapping file written by the importer and reviewed by the steward."""
    _, data, columns, problems = read_mapping_file(path, shown, FIELDS, "name")
    if problems:
        raise MappingError(problems)
    categories = data.get("categories") or {}
    towns = data.get("municipalities") or {}
    return Mapping(data.get("source") or {}, columns,
                   {str(k): str(v) for k, v in categories.items()},
                   municipalities={str(k): str(v) for k, v in towns.items()})


def write_mapping(path: Path, mapping: Mapping, export: str, rows: int,
                  unmapped: list[str]) -> None:
    """Write a proposed mapping for the steward to review, with a comment on each guess."""
    def scalar(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = [f"# Proposed by vitrine import from {export} ({rows} rows) on "
             f"{dt.date.today().isoformat()}.",
             "# Check each line and correct what is wrong: this file is used by every import "
             "of this source.",
             "source:"]
    for key, value in mapping.source.items():
        lines.append(f"  {key}: {scalar(value) if value is not None else 'null'}")
    lines.append("columns:   # our field: the export's column (a path such as adresse.ville; "
                 "a list: address parts joined, every phone and e-mail, else the first filled)")
    for name, value in sorted(mapping.columns.items(),
                              key=lambda kv: FIELDS.index(kv[0]) if kv[0] in FIELDS else 99):
        shown = "[" + ", ".join(scalar(v) for v in value) + "]" if isinstance(value, list) \
            else scalar(value)
        lines.append(f"  {name}: {shown}")
    if unmapped:
        lines.append("  # not imported: " + ", ".join(unmapped))
    lines.append(f"categories:   # partner label: our category (data/taxonomy.yaml), or "
                 f"{TO_CLASSIFY} to classify later")
    for label, slug in mapping.categories.items():
        note = mapping.notes.get(label, "")
        lines.append(f"  {scalar(label)}: {slug}" + (f"   # {note}" if note else ""))
    lines.append("municipalities:   # this partner's spellings our towns do not know: a town "
                 f"slug of data/territory.yaml, or {TO_CLASSIFY}")
    for spelling, slug in mapping.municipalities.items():
        note = mapping.notes.get(f"town:{spelling}", "")
        lines.append(f"  {scalar(spelling)}: {slug}" + (f"   # {note}" if note else ""))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
