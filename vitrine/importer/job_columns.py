"""Which column of a job board's export feeds which field of an offer: by the column's name
(its synonyms, then the words in it), and for how to apply, by what its cells hold."""

from __future__ import annotations

import re

from vitrine.directory.normal import plain_key, plain_words
from vitrine.importer.mapping import LABEL_PARTS
from vitrine.importer.structured import KEY

# our field: names of the columns that feed it, best first (compared without accents, case
# or punctuation; for a nested path, its last part, its last two parts, and its parent when
# the last part only labels it: employeur.nom is the employer)
SYNONYMS = {
    "id": ["id", "identifiant", "identifier", "no offre", "numero offre", "numero de l offre",
           "offre id", "job id", "posting id", "reference", "ref", "no reference",
           "numero de reference", "no affichage", "numero", "no", "code", "requisition", "key"],
    "title": ["titre", "title", "titre du poste", "poste", "job title", "intitule",
              "intitule du poste", "nom du poste", "titre fr", "title fr", "emploi", "position",
              "job", "poste offert", "offre"],
    "title_en": ["title en", "titre en", "titre anglais", "english title", "job title en",
                 "poste en"],
    "employer": ["employeur", "employer", "entreprise", "company", "organisation",
                 "organization", "organisme", "compagnie", "nom employeur",
                 "nom de l employeur", "employer name", "company name", "nom de l entreprise",
                 "raison sociale", "hiring organization", "hiringorganization"],
    "employer_url": ["site employeur", "site web employeur", "employer url", "employer website",
                     "company url", "company website", "site de l entreprise", "employeur site",
                     "employeur site web", "employeur url", "employer site", "entreprise site",
                     "entreprise site web", "site web", "website", "sameas"],
    "municipality": ["ville", "municipalite", "city", "town", "localite", "lieu",
                     "lieu de travail", "location", "job location", "addresslocality",
                     "address locality", "lieu ville", "region ville"],
    "address": ["adresse", "address", "adresse du lieu de travail", "street address",
                "streetaddress", "adresse civique", "lieu adresse"],
    "category": ["categorie", "category", "secteur", "secteur d activite", "domaine",
                 "industry", "sector", "job category", "occupationalcategory",
                 "categorie d emploi", "categorie emploi", "famille d emploi"],
    "employment_type": ["type d emploi", "type emploi", "type de poste", "employment type",
                        "employmenttype", "job type", "type", "statut", "statut d emploi",
                        "statut du poste", "regime", "regime d emploi", "types", "nature"],
    "hours": ["horaire", "horaire de travail", "heures", "hours", "schedule", "work hours",
              "nombre d heures", "heures par semaine", "heures de travail", "workhours"],
    "salary": ["salaire", "salary", "remuneration", "pay", "wage", "traitement",
               "salaire offert", "taux horaire", "basesalary", "base salary",
               "salaire horaire", "compensation", "pay rate"],
    "salary_min": ["salaire min", "salaire minimum", "salaire minimal", "min salary",
                   "salary min", "salary from", "salaire de", "minvalue", "salaire min value",
                   "salary minimum", "remuneration min", "min"],
    "salary_max": ["salaire max", "salaire maximum", "salaire maximal", "max salary",
                   "salary max", "salary to", "salaire a", "maxvalue", "salary maximum",
                   "remuneration max", "max"],
    "salary_unit": ["salaire unite", "unite salaire", "salary unit", "unite", "unit",
                    "unittext", "periode", "pay period", "salaire periode", "salary period",
                    "period", "frequence"],
    "remote": ["teletravail", "remote", "travail a distance", "remote work", "mode de travail",
               "work mode", "joblocationtype", "job location type", "telework", "modalite",
               "hybride", "workplace mode", "workplace", "work arrangement",
               "modalite de travail", "lieu de travail mode"],
    "date_posted": ["date de publication", "date publication", "publie le", "date posted",
                    "dateposted", "posted", "posted on", "date d affichage", "date affichage",
                    "affichee le", "affiche le", "publiee le", "date affichee",
                    "published", "publication", "debut affichage", "date de debut d affichage",
                    "date mise en ligne", "mise en ligne", "date"],
    "valid_through": ["date limite", "date limite pour postuler", "date d expiration",
                      "expiration", "fin d affichage", "fin affichage", "date de fin",
                      "date fin", "deadline", "closing date", "valid through", "validthrough",
                      "expires", "expiry", "apply by", "postuler avant", "date de fermeture",
                      "echeance", "limite", "closes", "closing", "close date", "closes on",
                      "end date", "ends", "expire le", "date d echeance", "affiche jusqu au"],
    "apply_url": ["lien pour postuler", "url postuler", "lien de candidature", "apply url",
                  "application url", "apply link", "postuler", "lien", "url", "apply",
                  "candidature", "pour postuler", "postuler url", "candidature url"],
    "apply_email": ["courriel pour postuler", "courriel candidature", "apply email",
                    "courriel", "email", "e mail", "adresse courriel", "courriel rh",
                    "contact email", "contact", "postuler courriel", "candidature courriel"],
    "apply_note": ["instructions", "candidature instructions", "comment postuler",
                   "how to apply", "directives", "instructions pour postuler",
                   "application instructions", "apply instructions", "note", "apply note"],
    "description": ["description", "description du poste", "descriptif", "job description",
                    "description fr", "details", "texte", "summary", "resume"],
    "description_en": ["description en", "description anglais", "english description",
                       "job description en"],
    "audiences": ["public", "public cible", "audience", "audiences", "clientele", "pour qui",
                  "target", "publics"],
}
FIELDS = tuple(SYNONYMS)
# a second look, for columns no synonym names: words a column's name holds (all of one entry),
# fields that name a kind of value first ("Courriel de l'employeur" is an e-mail), and words
# that rule a column out
KEYWORDS = (
    ("apply_email", ["courriel", "email", "mail", "e mail"], []),
    ("employer_url", ["site", "website", "web"], ["postuler", "apply", "candidature"]),
    ("apply_url", ["postuler", "apply", "candidature", "lien", "url", "link"], []),
    ("valid_through", ["limite", "expiration", "expire", "deadline", "closing", "echeance",
                       "fin affichage", "jusqu"], []),
    ("date_posted", ["publication", "publie", "publiee", "posted", "published", "affichage",
                     "affichee", "mise en ligne", "created", "creation"],
     ["debut", "start", "entree"]),
    ("salary", ["salaire", "remuneration", "salary", "wage", "pay", "taux", "traitement"], []),
    ("remote", ["teletravail", "remote", "distance", "hybride", "telework"], []),
    ("employment_type", ["type", "statut", "regime", "employment"], []),
    ("hours", ["horaire", "heures", "hours", "schedule", "quart", "shift"], []),
    ("audiences", ["public", "audience", "clientele"], []),
    ("description_en", ["description en", "description anglais", "description english"], []),
    ("description", ["description", "descriptif", "details", "texte", "sommaire"],
     ["en", "anglais", "english"]),
    ("title_en", ["titre en", "title en", "titre anglais", "title english"], []),
    ("title", ["titre", "title", "poste", "intitule", "emploi", "job"],
     ["en", "anglais", "english", "no", "numero", "id", "code", "ref", "nombre"]),
    ("employer", ["employeur", "entreprise", "employer", "company", "organisation", "organisme",
                  "compagnie", "organization"], []),
    ("municipality", ["ville", "municipalite", "city", "lieu", "location", "localite", "town"],
     []),
    ("address", ["adresse", "address", "rue", "street"], []),
    ("category", ["categorie", "secteur", "category", "industry", "domaine", "sector"], []),
)
_ENGLISH = {"en", "anglais", "english"}
# a last word that says how a value is written, not what it is: descriptionHtml, title_text
_FORMATS = {"html", "text", "texte", "txt", "plain", "raw", "markdown", "md", "value", "valeur"}
# an employer's other names under the same parent: the first filled is taken
_OTHER_NAMES = {"legal name", "legalname", "nom legal", "raison sociale", "trade name",
                "tradename", "nom commercial", "denomination", "display name", "displayname"}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_AT = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)


def propose(columns: list[str], rows: list[dict] = ()) -> dict[str, str]:
    """Guess which column feeds each field of an offer: from its name or path, then the
    words in its name, then (e-mails and links to apply) from its cells."""
    named = {c: _names(c) for c in columns}
    depth = {c: c.count(".") for c in columns}
    out: dict[str, str] = {}
    if KEY in columns:
        out["id"] = KEY
    for name, words in SYNONYMS.items():
        if name in out:
            continue
        for word in words:
            found = [c for c in columns if c not in out.values() and word in named[c]
                     and (name != "id" or depth[c] == 0 or _labels_parent(c))]
            if found:
                out[name] = min(found, key=lambda c: depth[c])
                break
    for name, keywords, avoid in KEYWORDS:
        free = [c for c in columns if c not in out.values() and name not in out
                and not set(plain_words(c)) & set(avoid)]
        found = [c for c in free if any(set(k.split()) <= set(plain_words(c)) for k in keywords)]
        if found:
            out[name] = min(found, key=lambda c: depth[c])
    for name, pattern in (("apply_email", _AT), ("apply_url", _URL)):
        found = [c for c in columns if c not in out.values() and name not in out
                 and _mostly(rows, c, pattern)]
        if found:
            out[name] = found[0]
    return _with_other_names(out, columns)


def _with_other_names(out: dict, columns: list[str]) -> dict:
    """employer.name, then employer.legalName when it is empty: an employer column and its
    siblings that give another of its names, the first filled taken."""
    employer = out.get("employer")
    if not employer:
        return out
    parent = employer.rpartition(".")[0]
    others = [c for c in columns if c != employer and c not in out.values()
              and c.rpartition(".")[0] == parent and _names(c) & _OTHER_NAMES]
    if others:
        out["employer"] = [employer, *others]
    return out


def _mostly(rows, column: str, pattern: re.Pattern) -> bool:
    """Whether most filled cells of a column hold what the pattern finds."""
    filled = [str(r.get(column)) for r in rows if str(r.get(column) or "").strip()]
    return bool(filled) and sum(bool(pattern.search(v)) for v in filled) * 2 > len(filled)


def _labels_parent(column: str) -> bool:
    """identifier.value: the last part only labels its parent (it is no employer's id)."""
    parts = column.split(".")
    return len(parts) == 2 and plain_key(parts[-1]) in LABEL_PARTS


def _names(column: str) -> set[str]:
    """The names a column answers to: title.en is title_en, employeur.nom the employer."""
    parts = [plain_key(_CAMEL.sub(" ", p)) for p in column.split(".")]
    parts = [" ".join(p.split()[:-1]) if len(p.split()) > 1 and p.split()[-1] in _FORMATS
             else p for p in parts]
    names = {parts[-1], " ".join(parts[-2:]), plain_key(column)}
    if len(parts) > 1 and parts[-1] in LABEL_PARTS:
        names.add(parts[-2])
    if len(parts) > 1 and parts[-1] in _ENGLISH:
        names.add(f"{parts[-2]} en")
    return names


