"""vitrine import: what partners send (CSV, Excel, JSON) becomes clean, mergeable source YAML."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import empty_region

from vitrine.cli import main
from vitrine.directory import load_directory

HEADER = "No;Nom de l'entreprise;Catégorie;Adresse;Ville;Code postal;Téléphone;Site web;" \
         "Courriel;Latitude;Longitude;Description\r\n"
ROWS = [
    '101;Boulangerie St-Jean;Boulangerie;"212, avenue Principale";Ville de Rouyn-Noranda;'
    'j9x7k4;(819)555.0101;boulangerie-st-jean.example;INFO@BSJ.EXAMPLE;48,2370;-79,0240;'
    '"<p>Pains au <b>levain</b></p>\r\n<script>x()</script>"\r\n',
    "102;Garage Côté;Mécanique;12 rue Perreault;ROUYN-NORANDA;J9X 1A1;819 555 0102 poste 7;"
    "javascript:alert(1);pas-un-courriel;-79.02;48.23;Garage général\r\n",
    "103;Auberge sans ville;Hébergement;1 rue X;Montréal;;;;;;;\r\n",
    "104;Chalets du Lac;Hébergement;5, chemin du Lac;St-Bruno-de-Guigues;;819-555-0104;;;;;\r\n",
]
MAPPING = {"source": {"name": "Chambre de commerce (export)", "owner": "Chambre",
                      "licence": "CC-BY-4.0"},
           "columns": {"id": "No", "name": "Nom de l'entreprise", "category": "Catégorie",
                       "address": "Adresse", "municipality": "Ville",
                       "postal_code": "Code postal", "phone": "Téléphone",
                       "website": "Site web", "email": "Courriel", "lat": "Latitude",
                       "lon": "Longitude", "description_fr": "Description"},
           "categories": {"Mécanique": "garage", "Hébergement": "hebergement"}}


@pytest.fixture
def root(tmp_path):
    return empty_region(tmp_path)


def write_csv(path, rows=ROWS):
    path.write_bytes((HEADER + "".join(rows)).encode("cp1252"))
    return path


def import_(root, file, source, *extra):
    return main(["import", str(file), "--source", source, "--root", str(root), *extra])


def records(root, source):
    return yaml.safe_load((root / f"data/sources/{source}.yaml").read_text())["businesses"]


def test_cp1252_semicolon_csv_is_normalised_and_reported(root, tmp_path, capsys):
    (root / "data/sources/cc.mapping.yaml").write_text(yaml.safe_dump(MAPPING))
    assert import_(root, write_csv(tmp_path / "export.csv"), "cc") == 0
    out = capsys.readouterr().out
    got = {r["id"]: r for r in records(root, "cc")}
    assert got["101"] == {
        "id": "101", "name": "Boulangerie St-Jean", "category": "boulangerie",
        "municipality": "rouyn-noranda", "address": "212, avenue Principale",
        "phone": "819 555-0101", "website": "https://boulangerie-st-jean.example",
        "email": "info@bsj.example", "postal_code": "J9X 7K4", "lat": 48.237, "lon": -79.024,
        "description": {"fr": "Pains au levain"}}
    assert got["102"]["phone"] == "819 555-0102 poste 7"
    assert (got["102"]["lat"], got["102"]["lon"]) == (48.23, -79.02)
    assert "website" not in got["102"] and "email" not in got["102"]
    assert got["104"]["municipality"] == "saint-bruno-de-guigues"
    # a town outside the region: imported to review, the partner's value kept
    assert (got["103"]["municipality"], got["103"]["review"]) == \
        ("a-classer", {"municipality": "Montréal"})
    for line in [
        'export.csv:2: column "Téléphone" -> phone: repaired "(819)555.0101" to "819 555-0101"',
        'export.csv:2: column "Site web" -> website: repaired "boulangerie-st-jean.example" to '
        '"https://boulangerie-st-jean.example"',
        'export.csv:2: column "Code postal" -> postal_code: repaired "j9x7k4" to "J9X 7K4"',
        'export.csv:4: column "Site web" -> website: rejected "javascript:alert(1)" '
        "(unsafe address)",
        'export.csv:4: column "Courriel" -> email: rejected "pas-un-courriel" '
        "(not an e-mail address)",
        'export.csv:4: column "Latitude" -> lat: latitude and longitude were swapped '
        '"-79.02, 48.23" to "48.23, -79.02"',
        'export.csv:5: imported to review (municipality "Montréal" is not one of '
        "data/territory.yaml)",
        "4 rows (cp1252): 4 imported (1 to review), 0 rejected; 4 added, 0 changed, 0 removed",
    ]:
        assert line in out, line
    assert main(["check", "--root", str(root)]) == 0


def test_without_a_mapping_one_is_proposed_from_the_headers(root, tmp_path, capsys):
    import_(root, write_csv(tmp_path / "export.csv"), "cc", "--dry-run")
    out = capsys.readouterr().out
    assert "proposed mapping" in out
    assert "  phone           <- Téléphone" in out
    assert "  municipality    <- Ville" in out
    assert not (root / "data/sources/cc.yaml").exists()  # --dry-run writes nothing


def test_excel_export_imports(root, tmp_path, capsys):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Nom", "Catégorie", "Municipalité", "Téléphone", "Site"])
    sheet.append(["Café Boréal", "Café", "Amos", 8195550111, "www.cafe-boreal.example"])
    sheet.append([None, None, None, None, None])
    sheet.append(["Motel du Nord", "Hébergement", "La Sarre", "819 555 0112", None])
    book.save(tmp_path / "liste.xlsx")
    assert import_(root, tmp_path / "liste.xlsx", "xl") == 0
    got = records(root, "xl")
    assert [(r["name"], r["category"], r["municipality"], r["phone"]) for r in got] == [
        ("Café Boréal", "cafe", "amos", "819 555-0111"),
        ("Motel du Nord", "hebergement", "la-sarre", "819 555-0112")]
    assert got[0]["website"] == "https://www.cafe-boreal.example"
    assert got[0]["id"].startswith("k") and len(got[0]["id"]) == 11  # stable derived id


def test_nested_json_with_paths_in_the_mapping(root, tmp_path):
    (tmp_path / "portail.json").write_text(json.dumps({"resultats": [
        {"nom": "Forage Osisko", "type": "Services miniers", "tel": "819-555-0120",
         "adresse": {"rue": "7, rue Gamble", "ville": "Rouyn-Noranda"},
         "coordonnees": {"lat": 48.24, "lng": -79.01}}]}))
    (root / "data/sources/ville.mapping.yaml").write_text(yaml.safe_dump({
        "source": {"name": "Portail municipal", "owner": "Ville", "licence": "OGL"},
        "columns": {"name": "nom", "category": "type", "phone": "tel",
                    "address": "adresse.rue", "municipality": "adresse.ville",
                    "lat": "coordonnees.lat", "lon": "coordonnees.lng"}}))
    assert import_(root, tmp_path / "portail.json", "ville") == 0
    [record] = records(root, "ville")
    assert (record["address"], record["municipality"], record["category"], record["lon"]) == \
        ("7, rue Gamble", "rouyn-noranda", "services-miniers", -79.01)


def test_reimport_reports_added_changed_removed_and_stale_overrides(root, tmp_path, capsys):
    (root / "data/sources/cc.mapping.yaml").write_text(yaml.safe_dump(MAPPING))
    import_(root, write_csv(tmp_path / "export.csv"), "cc")
    (root / "data/overrides.yaml").write_text("different:\n  - [cc:101, cc:104]\n")
    capsys.readouterr()
    next_month = [ROWS[0].replace("(819)555.0101", "819 555-0199"), ROWS[1],
                  "105;Pharmacie Côté;Santé;3 rue Y;Amos;;;;;;;\r\n"]
    import_(root, write_csv(tmp_path / "export.csv", next_month), "cc")
    captured = capsys.readouterr()
    assert "3 rows (cp1252): 3 imported (0 to review), 0 rejected; 1 added, 1 changed, " \
        "2 removed" in captured.out
    for line in ("added 105: Pharmacie Côté", "changed 101: phone",
                 "removed 103: Auberge sans ville", "removed 104: Chalets du Lac"):
        assert line in captured.out.splitlines(), line
    assert [r["id"] for r in records(root, "cc")] == ["101", "102", "105"]  # ids kept
    assert "data/overrides.yaml: cc:104 no longer exists in this export" in captured.err


def test_exit_status_nothing_importable_or_strict(root, tmp_path):
    (root / "data/sources/cc.mapping.yaml").write_text(yaml.safe_dump(MAPPING))
    assert import_(root, write_csv(tmp_path / "e.csv", ["9;;Hébergement;;Amos;;;;;;;\r\n"]),
                   "cc") == 1  # a row without a name is the only one refused
    assert import_(root, write_csv(tmp_path / "e.csv"), "cc", "--strict") == 1
    assert import_(root, write_csv(tmp_path / "e.csv"), "cc") == 0


def test_forty_businesses_in_a_csv_and_a_json_merge_once_with_both_credited(root, tmp_path):
    rows, items = [], []
    for n in range(40):
        rows.append(f"{n};Commerce Numéro {n} enr.;Boulangerie;{n + 10}, rue Principale;"
                    f"Amos;;819 555-{n:04d};;;;;\r\n")
        items.append({"nom": f"COMMERCE NUMERO {n}", "type": "Boulangerie",
                      "adresse": {"rue": f"{n + 10} rue Principale", "ville": "Ville d'Amos"},
                      "tel": f"819-555-{9000 + n}"})
    (root / "data/sources/cc.mapping.yaml").write_text(yaml.safe_dump(MAPPING))
    import_(root, write_csv(tmp_path / "cc.csv", rows), "cc")
    (tmp_path / "ville.json").write_text(json.dumps(items))
    (root / "data/sources/ville.mapping.yaml").write_text(yaml.safe_dump({"columns": {
        "name": "nom", "category": "type", "phone": "tel", "address": "adresse.rue",
        "municipality": "adresse.ville"}}))
    import_(root, tmp_path / "ville.json", "ville")
    d = load_directory(root)
    assert d.problems == []
    assert len(d.businesses) == 40
    assert all(sorted(p.source for p in b.sources) == ["cc", "ville"] for b in d.businesses)
    assert all([c.field for c in b.conflicts] == ["phone"] for b in d.businesses)
