"""The directory engine: validation messages, merge decisions, overrides, provenance, exports."""

from __future__ import annotations

import csv
import json
import multiprocessing

import pytest
from conftest import copy_site

from vitrine.directory import load_directory, matching
from vitrine.directory.exports import write_exports
from vitrine.directory.report import write_report
from vitrine.synth import write_synthetic_region


@pytest.fixture
def site(tmp_path):
    return copy_site("directory", tmp_path)


def by_name(directory, name, town):
    return [b for b in directory.businesses if b.name == name and b.municipality == town]


def test_hostile_records_are_refused_with_file_line_and_key_path(site):
    d = load_directory(site)
    assert [str(p) for p in d.problems] == [
        "data/sources/chambre-commerce.yaml:21:5: businesses[1].website: expected a web "
        "address (https://…), got an unsafe address (javascript:)",
        "data/sources/chambre-commerce.yaml:23:5: businesses[2].name: expected text without "
        'HTML, got "Génie Nord <script>alert(1)</script>"',
    ]
    assert [ref for ref, _ in d.rejected] == ["chambre-commerce:CC-2", "chambre-commerce:CC-3"]
    assert {b.name for b in d.businesses} == {"Boulangerie St-Jean", "Génie Nord"}


def test_every_problem_of_a_bad_file_comes_at_once(site):
    path = site / "data/sources/ville-marie.yaml"
    path.write_text(path.read_text().replace("phone: (819) 555-0199",
                                             'phone: ["819 555-0199", "819 555-0100"]')
                    .replace("category: boulangerie\n    address: 300",
                             "category: boulangeries\n    address: 300")
                    .replace("    municipality: amos", "    municipality: amos\n    webiste: x"))
    messages = [str(p) for p in load_directory(site).problems if "ville-marie" in p.path]
    assert messages == [
        'data/sources/ville-marie.yaml:8:5: businesses[0].phone: expected a phone number, got '
        '["819 555-0199", "819 555-0100"]',
        'data/sources/ville-marie.yaml:12:5: businesses[1].category: expected a category of '
        'data/taxonomy.yaml, got "boulangeries" (did you mean "boulangerie"?)',
        'data/sources/ville-marie.yaml:15:5: businesses[1].webiste: unknown key (did you mean '
        '"website"?); expected one of id, name, category, municipality, address, postal_code, '
        "lat, lon, phone, other_phones, email, other_emails, website, neq, description, "
        "audiences, hours, hours_note, review, tags",
    ]


def test_same_business_spelled_differently_becomes_one_with_provenance(site):
    d = load_directory(site)
    [bakery] = by_name(d, "Boulangerie St-Jean", "ville-marie")
    assert [(p.source, p.record_id) for p in bakery.sources] == [
        ("ville-marie", "42"), ("chambre-commerce", "CC-1")]
    assert bakery.names == ["BOULANGERIE SAINT-JEAN INC.", "Boulangerie St-Jean"]
    [conflict] = bakery.conflicts
    assert conflict.field == "phone"
    assert conflict.values == [("819 555-0199", ["ville-marie"]),
                               ("819 555-0101", ["chambre-commerce"])]
    assert bakery.phone == "819 555-0199"  # the most recent source wins


def test_a_large_merge_scored_in_two_processes_makes_the_same_directory(tmp_path, monkeypatch):
    """Many candidate pairs are scored half in a helper process: nothing a reader sees moves."""
    root = tmp_path / "region"
    write_synthetic_region(root, 300, 0, sources=4, seed=3)
    scored_here, score_pairs = [], matching._scored
    monkeypatch.setattr(matching, "_scored", lambda keys, pairs: (
        scored_here.append(len(pairs)), score_pairs(keys, pairs))[1])

    def merged(pairs_in_two):
        monkeypatch.setattr(matching, "PAIRS_IN_TWO", pairs_in_two)
        d = load_directory(root)
        return ([(b.slug, b.name, b.phone, [p.source for p in b.sources]) for b in d.businesses],
                [(e.a, e.b, e.score, e.reasons) for e in d.merged + d.near_misses])

    alone = merged(10**9)
    (pairs,) = scored_here
    assert merged(1) == alone
    assert scored_here[1:] == [pairs // 2]  # the other half was scored by the helper

    def no_process(_process):
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", no_process)
    assert merged(1) == alone  # without a helper, every pair is scored here
    assert scored_here[2:] == [pairs]
    assert len(alone[0]) < 400 and any(len(sources) > 1 for *_, sources in alone[0])


def test_same_name_in_another_town_stays_a_distinct_business(site):
    d = load_directory(site)
    assert [b.slug for b in d.businesses if b.name == "Boulangerie St-Jean"] == [
        "boulangerie-st-jean-amos", "boulangerie-st-jean-ville-marie"]


def test_two_branches_in_one_town_at_different_addresses_stay_apart(site):
    path = site / "data/sources/ville-marie.yaml"
    path.write_text(path.read_text() + """  - id: "44"
    name: Boulangerie St-Jean
    category: boulangerie
    address: 77, rue Notre-Dame
    municipality: ville-marie
    phone: 819-555-0177
""")
    d = load_directory(site)
    assert len(by_name(d, "Boulangerie St-Jean", "ville-marie")) == 2


def test_editor_overrides_split_join_and_prefer(site):
    (site / "data/overrides.yaml").write_text("""different:
  - [ville-marie:42, chambre-commerce:CC-1]
same:
  - [ville-marie:43, agence:genie-nord]
prefer:
  - {record: agence:genie-nord, field: phone, value: "819.555.0444 poste 2"}
""")
    d = load_directory(site)
    bakeries = [b for b in d.businesses if (b.category, b.municipality) ==
                ("boulangerie", "ville-marie")]
    assert sorted(b.name for b in bakeries) == ["BOULANGERIE SAINT-JEAN INC.",
                                                "Boulangerie St-Jean"]
    [joined] = [b for b in d.businesses if len(b.sources) == 2]
    assert {p.record_id for p in joined.sources} == {"43", "genie-nord"}
    assert joined.phone == "819 555-0444 poste 2"


def test_overrides_pointing_to_missing_records_are_reported(site):
    (site / "data/overrides.yaml").write_text("same:\n  - [ville-marie:42, ville-marie:999]\n")
    assert [str(p) for p in load_directory(site).problems if "overrides" in p.path] == [
        'data/overrides.yaml:2:22: same[0][1]: expected a record of data/sources, got '
        '"ville-marie:999" (no such record)']


def test_folder_source_holds_one_file_per_business(site):
    d = load_directory(site)
    [genie] = [b for b in d.businesses if b.slug == "genie-nord"]
    assert [(p.source, p.record_id, p.path) for p in genie.sources] == [
        ("agence", "genie-nord", "data/sources/agence/genie-nord.yaml")]
    assert d.sources["agence"].name == "Agence d'attractivité"
    assert genie.audiences == ["investors", "workers"]


def test_exports_carry_provenance_and_licences(site, tmp_path):
    d = load_directory(site)
    json_path, csv_path, geo_path = write_exports(d, tmp_path / "donnees")
    rows = {b["slug"]: b for b in json.loads(json_path.read_text())["businesses"]}
    assert rows["boulangerie-st-jean-ville-marie"]["provenance"] == [
        {"source": "ville-marie", "record_id": "42"},
        {"source": "chambre-commerce", "record_id": "CC-1"}]
    assert rows["boulangerie-st-jean-ville-marie"]["licences"] == ["CC-BY-4.0"]
    with csv_path.open(encoding="utf-8") as f:
        table = {r["slug"]: r for r in csv.DictReader(f)}
    assert table["boulangerie-st-jean-ville-marie"]["sources"] == \
        "ville-marie:42 chambre-commerce:CC-1"
    features = json.loads(geo_path.read_text())["features"]
    located = {f["properties"]["slug"]: (f["geometry"]["coordinates"], f["properties"]
                                         ["precision"]) for f in features}
    assert located["boulangerie-st-jean-ville-marie"] == ([-79.435, 47.334], "address")
    assert located["genie-nord"] == ([-78.1167, 48.5667], "municipality")


def test_steward_report_lists_sources_merges_conflicts_and_rejects(site, tmp_path):
    d = load_directory(site)
    json_path, html_path = write_report(d, tmp_path / "report")
    report = json.loads(json_path.read_text())
    assert report["totals"] == {"records": 4, "businesses": 3, "merged_businesses": 1,
                                "conflicts": 1, "rejected": 2, "to_review": 0,
                                "to_classify": 0, "held": 0, "within_source": 0}
    assert [s["id"] for s in report["sources"]] == ["agence", "chambre-commerce", "ville-marie"]
    assert report["evidence"][0]["reasons"] == ["name 1.00", "same website", "same address",
                                               "different phones", "same name and website"]
    html = html_path.read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html


def test_csv_export_never_holds_a_spreadsheet_formula(site, tmp_path):
    path = site / "data/sources/agence/genie-nord.yaml"
    path.write_text(path.read_text().replace("name: Génie Nord", 'name: "=HYPERLINK(1)"'))
    _, csv_path, _ = write_exports(load_directory(site), tmp_path)
    with csv_path.open(encoding="utf-8") as f:
        names = [r["name"] for r in csv.DictReader(f)]
    assert "'=HYPERLINK(1)" in names and "=HYPERLINK(1)" not in names


def test_check_report_writes_the_stewards_report_and_fails_on_bad_records(site, capsys):
    from vitrine.cli import main

    assert main(["check", "--root", str(site), "--report", "out/report"]) == 1
    assert (site / "out/report/steward-report.html").is_file()
    err = capsys.readouterr().err
    assert "businesses[1].website: expected a web address" in err
    assert err.splitlines()[-1].startswith("2 problem(s) found; 3 stories")
