"""The merge as a careful steward would do it: one small case per pattern of real partner data,
each merged or kept apart as a person would, and the doubtful pairs listed for review."""

from __future__ import annotations

import pytest
import yaml
from conftest import empty_region

from vitrine.directory import load_directory
from vitrine.directory.report import report_data


@pytest.fixture
def region(tmp_path):
    empty_region(tmp_path)

    def write(**sources):
        for n, (source, items) in enumerate(sources.items()):
            records = [{"id": f"{source[:2].upper()}{i + 1}", "category": "restaurant",
                        "municipality": "rouyn-noranda", **item} for i, item in enumerate(items)]
            meta = {"name": source, "owner": source, "licence": "CC-BY-4.0",
                    "retrieved": f"2026-0{n + 1}-01"}
            (tmp_path / "data" / "sources" / f"{source}.yaml").write_text(
                yaml.safe_dump({"source": meta, "businesses": records}, allow_unicode=True),
                encoding="utf-8")
        d = load_directory(tmp_path)
        assert d.problems == []
        return d
    return write


def groups(d) -> list[list[str]]:
    return sorted(sorted(f"{p.source}:{p.record_id}" for p in b.sources)
                  for b in [*d.businesses, *d.held])


def test_one_source_listing_a_business_twice_is_merged_and_reported(region):
    d = region(chambre=[
        {"name": "RÉNOVATIONS BÉLANGER", "category": "quincaillerie",
         "address": "455, boulevard Rideau", "phone": "819 555-0131"},
        {"name": "Rénovations Bélanger inc.", "category": "quincaillerie",
         "address": "455 boul. Rideau", "phone": "819 555-0131"}])
    assert groups(d) == [["chambre:CH1", "chambre:CH2"]]  # both ids kept in the provenance
    [business] = d.businesses
    assert business.name == "Rénovations Bélanger inc."
    [pair] = report_data(d)["within_source"]
    assert (pair["a"], pair["b"]) == ("chambre:CH1", "chambre:CH2")


def test_an_editors_different_still_keeps_one_sources_records_apart(region, tmp_path):
    (tmp_path / "data/overrides.yaml").write_text("different:\n  - [chambre:CH1, chambre:CH2]\n")
    d = region(chambre=[{"name": "Rénovations Bélanger", "phone": "819 555-0131"},
                        {"name": "Rénovations Bélanger inc.", "phone": "819 555-0131"}])
    assert len(d.businesses) == 2


@pytest.mark.parametrize("legal", ["9187-4521 Québec inc.",
                                   "9187-4521 Québec inc. (Resto Le Prospecteur)"])
def test_a_numbered_company_is_its_trade_name_at_the_same_phone_and_address(region, legal):
    d = region(chambre=[{"name": legal, "address": "118, avenue Principale",
                         "phone": "819 555-0118", "neq": "1174521903"}],
               ville=[{"name": "Restaurant Le Prospecteur", "address": "118 av. Principale",
                       "phone": "819 555-0118"}])
    assert groups(d) == [["chambre:CH1", "ville:VI1"]]
    assert d.businesses[0].name == "Restaurant Le Prospecteur"  # the name people know


@pytest.mark.parametrize("a, b", [
    ("Imprimerie St Onge", "St-Onge Imprimerie"),
    ("Salon Gilles LTEE", "Salon Gilles"),
    ("Resto Chez Ben", "Restaurant Chez Ben"),
    ("Électricité Morin – électricité résidentielle", "ÉLECTRICITÉ MORIN S.E.N.C."),
    ("Garage Lafond / antirouille", "Garage Lafond enr."),
    ("Traiteur Lise (mets préparés)", "Traiteur Lise"),
    ("MÃ©canique Lafrenière", "Mécanique Lafrenière inc."),
    ("Physio Noranda", "Physiothérapie Noranda"),
    ("CPE Les Petits Mineurs", "Centre de la petite enfance Les Petits Mineurs"),
])
def test_names_in_other_forms_with_one_strong_field_are_one_business(region, a, b):
    d = region(chambre=[{"name": a, "address": "342, route 111 Ouest", "phone": "819 555-0140"}],
               ville=[{"name": b, "address": "342 rte 111 O.", "phone": "819 555-0140"}])
    assert groups(d) == [["chambre:CH1", "ville:VI1"]]


def test_the_same_name_and_phone_in_two_towns_is_merged_for_a_steward_to_check(region):
    d = region(chambre=[{"name": "Excavation Lamothe inc.", "address": "2150, chemin Bradley",
                         "phone": "819 555-0956"}],
               mrc=[{"name": "Excavation Lamothe", "municipality": "la-motte",
                     "address": "12, rue Principale", "phone": "819 555-0956"}])
    assert groups(d) == [["chambre:CH1", "mrc:MR1"]]
    [pair] = report_data(d)["to_review"]
    assert pair["reasons"][-1] == "merged, to check: same name and phone in two towns"
    assert pair["different"] == "  - [chambre:CH1, mrc:MR1]"  # to paste under different:
    [conflict] = [c for c in d.businesses[0].conflicts if c.field == "municipality"]
    assert {v for v, _ in conflict.values} == {"rouyn-noranda", "la-motte"}


def test_a_shared_phone_under_unrelated_names_is_listed_not_merged(region):
    d = region(chambre=[{"name": "9276-3310 Québec inc.", "address": "411, rue Principale Sud",
                         "phone": "819 555-0967"}],
               mrc=[{"name": "Camionnage Harricana", "address": "1800, route 111 Est",
                     "phone": "819 555-0967"}])
    assert len(d.businesses) == 2
    [pair] = report_data(d)["to_review"]
    assert (pair["a"], pair["b"]) == ("chambre:CH1", "mrc:MR1")
    assert "same phone" in pair["reasons"] and "different address" in pair["reasons"]
    assert pair["same"] == "  - [chambre:CH1, mrc:MR1]"


@pytest.mark.parametrize("a, b", [
    # chain branches in one town: same name and site, other address and phone
    ({"name": "Café Boréal", "address": "12, rue Perreault", "phone": "819 555-0201",
      "website": "https://cafeboreal.example"},
     {"name": "Café Boréal", "address": "880, boulevard Rideau", "phone": "819 555-0202",
      "website": "https://cafeboreal.example"}),
    # two businesses in one building
    ({"name": "Clinique dentaire Roy", "category": "sante", "address": "50, rue Gamble",
      "phone": "819 555-0301"},
     {"name": "Comptabilité Roy et associés", "category": "comptabilite",
      "address": "50, rue Gamble", "phone": "819 555-0302"}),
    # the same family name in other trades
    ({"name": "Garage Tremblay", "category": "garage", "phone": "819 555-0401"},
     {"name": "Tremblay Électrique", "category": "quincaillerie", "phone": "819 555-0402"}),
    # neighbouring civic numbers on one street
    ({"name": "Boulangerie Lemieux", "address": "101, 7e Rue"},
     {"name": "Boulangerie Lemieux", "address": "103, 7e Rue"}),
    # a shop closed, another opened at its address
    ({"name": "Vélo Horne", "address": "52, rue Perreault Ouest", "phone": "819 555-0165"},
     {"name": "Café Perreault", "address": "52, rue Perreault Ouest", "phone": "819 555-0166"}),
])
def test_look_alikes_stay_apart(region, a, b):
    d = region(chambre=[a], ville=[b])
    assert len(d.businesses) == 2


def test_a_record_without_a_town_joins_the_business_its_phone_and_name_point_to(region):
    d = region(chambre=[{"name": "Motel Le Voyageur", "municipality": "a-classer",
                         "phone": "819 555-0777", "review": {"municipality": "Secteur nord"}}],
               ville=[{"name": "Motel Le Voyageur", "category": "hebergement",
                       "municipality": "amos", "phone": "819 555-0777"}])
    assert groups(d) == [["chambre:CH1", "ville:VI1"]]
    assert d.businesses[0].municipality == "amos" and d.held == []


def test_an_editors_preferred_category_classifies_a_business_waiting_for_one(region, tmp_path):
    (tmp_path / "data/overrides.yaml").write_text(
        "prefer:\n  - {record: chambre:CH1, field: category, value: garage}\n")
    d = region(chambre=[{"name": "Atelier Sans Case", "category": "a-classer",
                         "review": {"category": "Divers"}}])
    [business] = d.businesses
    assert (business.category, business.review) == ("garage", [])
    assert business.audiences == ["workers", "tourists"]  # the category's, now it has one
