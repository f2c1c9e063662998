"""Which column of an export feeds which field: proposed from headers, kept in a YAML file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from vitrine.directory.matching import fold

# our field: header words that name it (compared without accents, case or punctuation)
SYNONYMS = {
    "id": ["id", "identifiant", "no", "numero", "code", "record id", "no dossier"],
    "name": ["nom", "name", "entreprise", "raison sociale", "nom entreprise", "business",
             "commerce", "nom commercial", "company"],
    "category": ["categorie", "category", "secteur", "type", "activite", "sector"],
    "address": ["adresse", "address", "rue", "adresse civique", "street"],
    "postal_code": ["code postal", "postal code", "cp", "postal", "zip"],
    "municipality": ["ville", "municipalite", "city", "town", "localite", "adresse ville"],
    "lat": ["lat", "latitude", "coordonnees lat", "y"],
    "lon": ["lon", "lng", "long", "longitude", "coordonnees lng", "coordonnees lon", "x"],
    "phone": ["telephone", "tel", "phone", "no telephone", "numero de telephone"],
    "email": ["courriel", "email", "e mail", "adresse courriel", "mail"],
    "website": ["site web", "site", "website", "url", "web", "site internet"],
    "neq": ["neq", "numero d entreprise du quebec", "no entreprise"],
    "description_fr": ["description", "description fr", "description francais", "descriptif"],
    "description_en": ["description en", "description anglais", "english description"],
}


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(str(text)).lower()))


@dataclass
class Mapping:
    """A source's mapping: metadata, columns per field, and its category table."""

    source: dict = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)


def propose(columns: list[str]) -> dict[str, str]:
    """Guess which column feeds each field, from French and English header names."""
    keyed = {_key(c): c for c in columns}
    out = {}
    for name, words in SYNONYMS.items():
        for word in words:
            if word in keyed and keyed[word] not in out.values():
                out[name] = keyed[word]
                break
        else:  # "Adresse.ville" or "coordonnees.lat": the last part names it
            for key, column in keyed.items():
                if key.split()[-1:] == [words[0]] and column not in out.values():
                    out[name] = column
                    break
    return out


def load_mapping(path: Path) -> Mapping:
    """Read a mapping file written by the steward (or proposed by the importer)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Mapping(data.get("source") or {}, data.get("columns") or {},
                   {str(k): str(v) for k, v in (data.get("categories") or {}).items()})


def write_mapping(path: Path, mapping: Mapping) -> None:
    """Write a mapping for the steward to review."""
    text = ("# Proposed by vitrine import: check each line, then import again with --mapping.\n"
            + yaml.safe_dump({"source": mapping.source, "columns": mapping.columns,
                              "categories": mapping.categories}, allow_unicode=True,
                             sort_keys=False))
    path.write_text(text, encoding="utf-8")
