"""Write the demo region's directory sources (fictional businesses, real towns), deterministically.

Run from the project root: .venv/bin/python scripts/make_demo_directory.py
It writes data/sources/*.yaml and data/sources/agence-vitrine/*.yaml; the result is committed.
"""

from __future__ import annotations

import logging
import random
import re
from pathlib import Path

import yaml
from unidecode import unidecode

log = logging.getLogger("make_demo_directory")
ROOT = Path(__file__).resolve().parent.parent
SEED = 2026

TOWNS = {  # slug: (weight, postal prefix, streets)
    "rouyn-noranda": (26, "J9X", ["avenue Principale", "rue Perreault Est", "boulevard Rideau",
                                  "avenue Larivière", "rue Gamble Ouest", "avenue Murdoch"]),
    "val-d-or": (22, "J9P", ["3e Avenue", "boulevard Jean-Jacques-Cossette", "7e Rue",
                             "rue Germain", "boulevard des Pins"]),
    "amos": (12, "J9T", ["1re Avenue Ouest", "rue Principale Nord", "avenue de l'Harricana",
                         "10e Avenue Ouest", "boulevard Mercier"]),
    "la-sarre": (7, "J9Z", ["2e Rue Est", "5e Avenue Est", "rue Principale"]),
    "ville-marie": (5, "J9V", ["rue Sainte-Anne", "rue Notre-Dame Nord", "chemin du Quai"]),
    "malartic": (4, "J0Y", ["rue Royale", "avenue des Pins", "rue de la Paix"]),
    "senneterre": (3, "J0Y", ["10e Avenue", "rue Principale"]),
    "temiscaming": (3, "J0Z", ["rue Kipawa", "chemin Humphrey"]),
    "macamic": (2, "J0Z", ["rue Principale", "6e Avenue Ouest"]),
    "notre-dame-du-nord": (2, "J0Z", ["rue Principale Nord", "rue du Lac"]),
    "lorrainville": (2, "J0Z", ["rue Saint-Jean-Baptiste Est"]),
    "barraute": (1, "J0Y", ["rue Principale"]),
    "duparquet": (1, "J0Z", ["rue Principale"]),
    "palmarolle": (1, "J0Z", ["route 393"]),
    "riviere-heva": (1, "J0Y", ["route 117"]),
    "saint-bruno-de-guigues": (1, "J0Z", ["rue Principale"]),
}

KINDS = {  # category: (name patterns, description FR, description EN)
    "restaurant": (["Restaurant {w}", "Bistro {w}", "Chez {p}", "La Table {d}", "Resto {w}"],
                   "Cuisine du marché, produits d'ici et terrasse l'été.",
                   "Market cuisine, local produce and a summer terrace."),
    "cafe": (["Café {w}", "Brûlerie {w}", "Café {d}"],
             "Café torréfié sur place, pâtisseries maison et Wi-Fi.",
             "Coffee roasted on site, home-made pastries and Wi-Fi."),
    "boulangerie": (["Boulangerie {s}", "Boulangerie {w}", "Pâtisserie {p}"],
                    "Pains au levain, viennoiseries et pâtisseries du jour.",
                    "Sourdough breads, pastries and cakes baked daily."),
    "epicerie": (["Dépanneur {w}", "Épicerie {p}", "Marché {w}"],
                 "Épicerie de quartier ouverte tard, produits locaux.",
                 "Neighbourhood grocery open late, local products."),
    "produits-locaux": (["Ferme {p}", "Fromagerie {w}", "Miellerie {d}", "Bleuetière {w}"],
                        "Produits de la ferme vendus sur place et au marché public.",
                        "Farm products sold on site and at the public market."),
    "hebergement": (["Auberge {d}", "Motel {w}", "Gîte {w}", "Chalets {d}"],
                    "Chambres et chalets confortables, idéal pour les séjours de travail.",
                    "Comfortable rooms and cabins, ideal for work stays."),
    "plein-air": (["Pourvoirie {d}", "Canot-camping {w}", "Aventures {w}"],
                  "Location d'embarcations, sentiers et séjours guidés en forêt boréale.",
                  "Boat rentals, trails and guided stays in the boreal forest."),
    "culture": (["Galerie {w}", "Atelier {p}", "Théâtre {w}"],
                "Expositions, spectacles et ateliers pour petits et grands.",
                "Exhibitions, shows and workshops for all ages."),
    "services-miniers": (["Forage {w}", "{w} Services miniers", "Géophysique {w}"],
                         "Forage au diamant, géophysique et soutien aux sites miniers.",
                         "Diamond drilling, geophysics and mine-site support."),
    "genie-conseil": (["{w} Génie-conseil", "Ingénierie {w}", "Groupe {p} ingénierie"],
                      "Génie civil, environnement et mines; équipe multidisciplinaire.",
                      "Civil, environmental and mining engineering; a multidisciplinary team."),
    "foresterie": (["Scierie {w}", "Bois {w}", "Foresterie {d}"],
                   "Aménagement forestier, sciage et produits du bois certifiés.",
                   "Forest management, sawmilling and certified wood products."),
    "transport": (["Transport {p}", "Camionnage {w}", "Logistique {w}"],
                  "Transport régional, entreposage et logistique minière.",
                  "Regional transport, warehousing and mining logistics."),
    "comptabilite": (["{p} CPA", "Services-conseils {w}", "Fiscalité {w}"],
                     "Comptabilité, fiscalité et accompagnement des entreprises en démarrage.",
                     "Accounting, tax and support for start-ups."),
    "immobilier": (["Immeubles {w}", "Logements {d}", "Gestion immobilière {p}"],
                   "Logements à louer et accompagnement des nouveaux arrivants.",
                   "Apartments for rent and help for newcomers."),
    "garderie": (["CPE {w}", "Garderie {d}", "Service de garde {w}"],
                 "Service de garde éducatif, places pour les 0 à 5 ans.",
                 "Educational childcare for children up to five."),
    "sante": (["Clinique {w}", "Pharmacie {p}", "Physio {w}"],
              "Soins de proximité sur rendez-vous, accueil des nouveaux résidents.",
              "Local care by appointment; newcomers welcome."),
    "formation": (["École de conduite {w}", "Centre de formation {w}", "Académie {w}"],
                  "Formations courtes et qualifiantes, en présentiel et à distance.",
                  "Short professional courses, on site and online."),
    "quincaillerie": (["Quincaillerie {w}", "Matériaux {w}", "Rénovation {p}"],
                      "Quincaillerie, matériaux et conseils pour vos projets.",
                      "Hardware, building materials and advice for your projects."),
    "garage": (["Garage {p}", "Mécanique {w}", "Pneus {w}"],
               "Mécanique générale, pneus et remorquage 24 h.",
               "General repairs, tyres and 24-hour towing."),
    "accompagnement": (["Incubateur {w}", "Réseau {w}", "Coopérative {w}"],
                       "Accompagnement des entrepreneurs, locaux partagés et mentorat.",
                       "Support for entrepreneurs, shared offices and mentoring."),
}
WORDS = ["Boréal", "Harricana", "Kinojévis", "du Nord", "Osisko", "Témis", "Opasatica",
         "Aurora", "Pinède", "Lac-Pelletier", "Horizon", "Épinette", "Granite", "Tamarac",
         "Caribou", "Huard", "Outaouais", "Quinze", "Mont-Chaudron", "Héva", "Pionnier",
         "Bleuet", "Rapide", "Castor", "Érable", "Abitibi", "Dalquier", "Preissac", "Cadillac",
         "Bourlamaque", "Sigma", "Lamaque", "Matagami", "Taïga", "Chaudron", "Noranda"]
PEOPLE = ["Gagnon", "Tremblay", "Bélanger", "Lachance", "Côté", "Pelletier", "Morin",
          "Gauthier", "Lavoie", "Fortin", "Rivard", "Desjardins", "Trudel", "Paquette",
          "Thibault", "Lemieux", "Caron", "Dubé", "Nadeau", "Boucher"]
SAINTS = ["St-Pierre", "Ste-Anne", "St-Laurent", "Ste-Thérèse", "St-Michel", "St-Joseph"]
DU = ["du Lac", "de la Rivière", "des Pins", "du Rocher", "de l'Anse", "du Vieux-Moulin"]


def new_business(rng: random.Random, number: int, kind: str, town: str) -> dict:
    """One fictional business with consistent contact data."""
    pattern = rng.choice(KINDS[kind][0])
    name = pattern.format(w=rng.choice(WORDS), p=rng.choice(PEOPLE), s=rng.choice(SAINTS),
                          d=rng.choice(DU))
    _, prefix, streets = TOWNS[town]
    domain = re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-")
    return {"name": name, "category": kind, "municipality": town,
            "address": f"{rng.randint(10, 1999)}, {rng.choice(streets)}",
            "postal_code": f"{prefix} {rng.randint(1, 9)}{rng.choice('ABCEGHJKLMNPRSTVXY')}"
                           f"{rng.randint(1, 9)}",
            "phone": f"819 555-{number:04d}" if number < 10000 else "",
            "website": f"https://{domain}.example" if rng.random() < 0.6 else "",
            "email": f"info@{domain}.example" if rng.random() < 0.4 else "",
            "neq": f"11{rng.randint(40000000, 79999999)}" if rng.random() < 0.5 else "",
            "description": {"fr": KINDS[kind][1], "en": KINDS[kind][2]}}


def businesses(rng: random.Random) -> list[dict]:
    """The region's true businesses: ~300, with chains and same-name shops in other towns."""
    towns = [t for t, (w, _, _) in TOWNS.items() for _ in range(w)]
    kinds = list(KINDS)
    out, number = [], 100
    while len(out) < 400:
        number += 1
        out.append(new_business(rng, number, rng.choice(kinds), rng.choice(towns)))
    for town in ("rouyn-noranda", "val-d-or", "amos", "val-d-or"):  # a chain, two in Val-d'Or
        number += 1
        chain = new_business(rng, number, "quincaillerie", town)
        chain.update(name="Quincaillerie Boréale", website="https://quincaillerie-boreale.example",
                     neq="1149876543")
        out.append(chain)
    for town in ("la-sarre", "malartic", "ville-marie"):  # same name, different towns
        number += 1
        shop = new_business(rng, number, "epicerie", town)
        shop.update(name="Dépanneur du Coin", website="", email="")
        out.append(shop)
    number += 1
    bakery = new_business(rng, number, "boulangerie", "rouyn-noranda")
    bakery.update(name="Boulangerie St-Jean", address="212, avenue Principale",
                  website="https://boulangerie-st-jean.example", email="")
    out.append(bakery)
    return out


def variant(rng: random.Random, business: dict, messy: bool) -> dict:
    """The same business as another source writes it: spelling, format and some drift."""
    entry = {k: v for k, v in business.items() if v}
    if not messy:
        return entry
    roll = rng.random()
    if roll < 0.25:
        entry["name"] = entry["name"].upper() + " INC."
    elif roll < 0.45:
        entry["name"] = unidecode(entry["name"])
    elif roll < 0.6:
        entry["name"] = entry["name"].replace("St-", "Saint-").replace("Ste-", "Sainte-")
    if entry.get("phone") and rng.random() < 0.5:
        digits = re.sub(r"\D", "", entry["phone"])
        entry["phone"] = f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    if entry.get("phone") and rng.random() < 0.12:  # a second line: a conflict to review
        entry["phone"] = f"819 555-{rng.randint(8000, 8999)}"
    if entry.get("address") and rng.random() < 0.4:
        entry["address"] = entry["address"].replace(", ", " ")
    if entry.get("website") and rng.random() < 0.4:
        entry["website"] = entry["website"].replace("https://", "http://www.") + "/"
    entry.pop("description", None)
    entry.pop("email", None) if rng.random() < 0.5 else None
    return entry


SOURCES = {
    "chambre-commerce-abitibi-temiscamingue": (
        {"name": "Chambre de commerce régionale (démo)", "owner": "Chambre de commerce",
         "licence": "CC-BY-4.0", "retrieved": "2026-09-15"}, None, 0.5, False, "CCAT-{n:05d}"),
    "achat-local-rouyn-noranda": (
        {"name": "Achat local Rouyn-Noranda (démo)", "owner": "Ville de Rouyn-Noranda",
         "licence": "CC-BY-4.0", "retrieved": "2026-10-20"}, {"rouyn-noranda"}, 0.6, True,
        "{n}"),
    "ville-amos-achat-local": (
        {"name": "Ville d'Amos — achat local (démo)", "owner": "Ville d'Amos",
         "licence": "CC-BY-NC-4.0", "retrieved": "2026-08-30"}, {"amos"}, 0.7, True, "AMOS-{n}"),
    "mrc-vallee-de-l-or-repertoire": (
        {"name": "Répertoire de la MRC de La Vallée-de-l'Or (démo)",
         "owner": "MRC de La Vallée-de-l'Or", "licence": "OGL-Québec-1.0",
         "retrieved": "2026-11-02"}, {"val-d-or", "malartic", "senneterre", "riviere-heva"},
        0.7, True, "VDO{n:04d}"),
}


def main() -> None:
    """Write every demo source."""
    rng = random.Random(SEED)
    everyone = businesses(rng)
    folder = ROOT / "data" / "sources"
    for source_id, (meta, towns, share, messy, id_pattern) in SOURCES.items():
        picked = [b for b in everyone if (towns is None or b["municipality"] in towns)
                  and rng.random() < share]
        bakery = everyone[-1]  # the Boulangerie St-Jean of Rouyn-Noranda
        if source_id in ("achat-local-rouyn-noranda", "chambre-commerce-abitibi-temiscamingue") \
                and bakery not in picked:
            picked.append(bakery)  # the README's example: one bakery, two spellings
        entries = [{"id": id_pattern.format(n=i + 1), **variant(rng, b, messy)}
                   for i, b in enumerate(picked)]
        for entry in entries:
            if messy and entry["name"].startswith("Boulangerie St-Jean"):
                entry["name"] = "BOULANGERIE SAINT-JEAN INC."
        text = yaml.safe_dump({"source": meta, "businesses": entries}, allow_unicode=True,
                              sort_keys=False, width=100)
        (folder / f"{source_id}.yaml").write_text(text, encoding="utf-8")
        log.info("%s: %d records", source_id, len(entries))
    curated = folder / "agence-vitrine"
    curated.mkdir(exist_ok=True)
    (curated / "_source.yaml").write_text(yaml.safe_dump(
        {"name": "Agence d'attractivité (démo)", "owner": "Agence d'attractivité",
         "licence": "CC-BY-4.0", "retrieved": "2026-11-15"}, allow_unicode=True, sort_keys=False))
    for b in rng.sample([b for b in everyone if b["description"]], 20):
        slug = re.sub(r"[^a-z0-9]+", "-", unidecode(f"{b['name']} {b['municipality']}").lower())
        entry = {k: v for k, v in b.items() if v}
        entry["hours"] = {d: "09:00-17:00" for d in ("mon", "tue", "wed", "thu", "fri")}
        entry["hours"].update(sat="10:00-16:00", sun="closed")
        (curated / f"{slug.strip('-')}.yaml").write_text(
            yaml.safe_dump(entry, allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    main()
