"""vitrine import on what partners really send: hand-kept YAML, nested JSON, labels of their own,
towns spelled every way, mojibake, several values per cell, hours in prose. Nothing is dropped
silently: a record with a name is imported, to review when it cannot be placed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from conftest import empty_region

from vitrine.cli import main
from vitrine.directory import load_directory
from vitrine.directory.report import report_data
from vitrine.importer.hours import parse_hours

MRC_YAML = """\
# Répertoire des entreprises — tenu à la main par la MRC
metadonnees:
  auteur: Josée
  mise_a_jour: 2026-10-01
entreprises:
  MRC-001:
    nom: "MÃ©canique Lafrenière"
    secteur: Mécanique automobile
    adresse: 342, route 111 Ouest
    municipalite: Val-dOr
    tel: 819-555-0101 / 819-555-0102 (cell.)
    courriel: a@x.ca; b@y.ca
    neq: 1,17770E+09
    heures:
      lundi: 8h-17h
      mardi: 08:30-17:00
      samedi: no
  MRC-002:
    nom: "Boutique\\u00a0du\\u200b Nord"
    secteur: Divers
    municipalite: N.-D.-du-Nord
    tel: 555-0667
    neq: 1143 567 890
    heures: Du lundi au vendredi de 11 h à 22 h
    description: Une boutique de quartier.
  MRC-003:
    nom: "Cafe\\u0301 Cadillac"
    secteur: ""
    municipalite: Cadillac
    heures: Sur rendez-vous
  MRC-004:
    secteur: Restauration
    municipalite: Amos
  MRC 005:
    nom: Chez Paul
    secteur: Restauration
    municipalite: Montréal
    neq: 114356789
"""


@pytest.fixture
def root(tmp_path):
    return empty_region(tmp_path)


def import_(root, file, source, *extra):
    return main(["import", str(file), "--source", source, "--root", str(root), *extra])


def records(root, source):
    data = yaml.safe_load((root / f"data/sources/{source}.yaml").read_text(encoding="utf-8"))
    return {r["id"]: r for r in data["businesses"]}


def test_a_hand_kept_yaml_export_is_read_as_records_keyed_by_id(root, tmp_path, capsys):
    (tmp_path / "mrc.yaml").write_text(MRC_YAML, encoding="utf-8")
    assert import_(root, tmp_path / "mrc.yaml", "mrc") == 0
    out = capsys.readouterr().out
    got = records(root, "mrc")
    assert list(got) == ["MRC-001", "MRC-002", "MRC-003", "MRC-005"]  # the key is the id
    first = got["MRC-001"]
    assert first == {
        "id": "MRC-001", "name": "Mécanique Lafrenière", "category": "garage",
        "municipality": "val-d-or", "address": "342, route 111 Ouest",
        "phone": "819 555-0101", "other_phones": ["819 555-0102"], "email": "a@x.ca",
        "other_emails": ["b@y.ca"],
        "hours": {"mon": "08:00-17:00", "tue": "08:30-17:00", "sat": "closed"}}
    # YAML 1.2: "no" is no boolean, 08:30 no sexagesimal number; a damaged NEQ is refused
    for line in [
        'mrc.yaml:6: column "nom" -> name: repaired "MÃ©canique Lafrenière" to '
        '"Mécanique Lafrenière" (mojibake repaired)',
        'mrc.yaml:6: column "neq" -> neq: rejected "1,17770E+09" (damaged by a spreadsheet '
        "(scientific notation); ask the partner for its 10 digits)",
        'mrc.yaml:6: column "tel" -> phone: another number kept "819-555-0102 (cell.)" as '
        '"819 555-0102"',
        'mrc.yaml:18: column "tel" -> phone: area code 819 added to "555-0667" ("819 555-0667")',
        'mrc.yaml:26: column "municipalite" -> municipality: repaired "Cadillac" to '
        '"rouyn-noranda" (another name or a former municipality, in data/territory.yaml)',
        'mrc.yaml:26: column "heures" -> hours: kept as a note "Sur rendez-vous" (not read as '
        "opening hours)",
        "mrc.yaml:31: row rejected (no name; a record needs at least a name)",
        'mrc.yaml:34: column "neq" -> neq: rejected "114356789" (not a Québec enterprise number '
        "(10 digits))",
        "5 rows (yaml): 4 imported (3 to review), 1 rejected; 4 added, 0 changed, 0 removed",
    ]:
        assert line in out, line
    assert "metadonnees" not in json.dumps(got)  # the metadata block is no record


def test_values_are_cleaned_completed_and_kept_not_thrown_away(root, tmp_path):
    (tmp_path / "mrc.yaml").write_text(MRC_YAML, encoding="utf-8")
    import_(root, tmp_path / "mrc.yaml", "mrc")
    got = records(root, "mrc")
    assert got["MRC-002"]["name"] == "Boutique du Nord"  # no-break and zero-width spaces
    assert got["MRC-003"]["name"] == "Café Cadillac" == "Caf\u00e9 Cadillac"  # NFC
    assert got["MRC-002"]["phone"] == "819 555-0667"  # the region's area code
    assert got["MRC-002"]["neq"] == "1143567890"
    assert got["MRC-002"]["description"] == {"fr": "Une boutique de quartier."}
    assert got["MRC-002"]["hours"] == {d: "11:00-22:00" for d in ("mon", "tue", "wed", "thu",
                                                                  "fri")}
    assert got["MRC-003"]["hours_note"] == "Sur rendez-vous" and "hours" not in got["MRC-003"]
    assert got["MRC-005"]["id"] == "MRC-005"  # "MRC 005": no space in a reference


def test_what_cannot_be_placed_waits_for_review_and_is_listed(root, tmp_path, capsys):
    (tmp_path / "mrc.yaml").write_text(MRC_YAML, encoding="utf-8")
    import_(root, tmp_path / "mrc.yaml", "mrc")
    out = capsys.readouterr().out
    got = records(root, "mrc")
    assert (got["MRC-002"]["category"], got["MRC-002"]["review"]) == \
        ("a-classer", {"category": "Divers"})
    assert (got["MRC-003"]["category"], got["MRC-003"]["review"]) == \
        ("a-classer", {"category": ""})
    assert (got["MRC-005"]["municipality"], got["MRC-005"]["review"]) == \
        ("a-classer", {"municipality": "Montréal"})
    assert 'mrc.yaml:18: imported to review (category "Divers" to classify)' in out
    assert "mrc.yaml:26: imported to review (no category given)" in out
    assert main(["check", "--root", str(root)]) == 0  # valid records, waiting
    d = load_directory(root)
    # no category: published, in no category list; no town: held back, not published
    boutique = next(b for b in d.businesses if b.name == "Boutique du Nord")
    assert boutique.category == "a-classer" and boutique.audiences == []
    assert [b.name for b in d.held] == ["Chez Paul"]
    listed = {b["name"]: b for b in report_data(d)["to_classify"]}
    assert listed["Chez Paul"]["published"] is False
    assert listed["Chez Paul"]["reasons"] == [
        'municipality to classify (the source gave "Montréal")']
    assert listed["Chez Paul"]["where"] == ["data/sources/mrc.yaml:45"]
    assert listed["Boutique du Nord"]["reasons"] == [
        'category to classify (the source gave "Divers")']


def test_the_proposal_maps_every_label_and_nested_path(root, tmp_path, capsys):
    items = [{"id": n, "nom": f"Commerce {n}", "categorie": label,
              "adresse": {"numero_civique": 10 + n, "rue": "rue Principale", "local": "B",
                          "ville": "Amos", "code_postal": "j9t2k7"},
              "contact": {"telephone": "819 555-0101", "courriel": "a@b.ca"},
              "horaire": {"lundi": "9h-17h", "mardi": "9h-17h", "mercredi": "fermé"},
              "description": {"fr": "<p>Texte</p>", "en": "Text"}}
             for n, label in enumerate(["Commerce de détail – Quincaillerie",
                                        "Commerce de détail – Quincaillerie", "Restauration",
                                        "Hébergement touristique", "Divers", "SANTÉ"])]
    (tmp_path / "portail.json").write_text(json.dumps({"meta": {"version": 2},
                                                       "commerces": items}))
    assert import_(root, tmp_path / "portail.json", "ville") == 0
    out = capsys.readouterr().out
    mapping = yaml.safe_load((root / "data/sources/ville.mapping.yaml").read_text())
    assert mapping["columns"] == {
        "id": "id", "name": "nom", "category": "categorie",
        "address": ["adresse.numero_civique", "adresse.rue", "adresse.local"],
        "postal_code": "adresse.code_postal", "municipality": "adresse.ville",
        "phone": "contact.telephone", "email": "contact.courriel",
        "description": "description", "hours": "horaire"}
    assert mapping["categories"] == {"Commerce de détail – Quincaillerie": "quincaillerie",
                                     "Restauration": "restaurant", "Divers": "a-classer",
                                     "Hébergement touristique": "hebergement",
                                     "SANTÉ": "sante"}
    text = (root / "data/sources/ville.mapping.yaml").read_text()
    assert '"Commerce de détail – Quincaillerie": quincaillerie   # 2 rows; like ' \
        '"Quincaillerie"' in text
    assert '"Divers": a-classer   # 1 row; TO REVIEW: no close category' in text
    assert "  Divers -> a-classer   (1 row; TO REVIEW: no close category)" in out
    first = records(root, "ville")["0"]
    assert (first["address"], first["postal_code"], first["description"], first["hours"]) == (
        "10, rue Principale, B", "J9T 2K7", {"en": "Text", "fr": "Texte"},
        {"mon": "09:00-17:00", "tue": "09:00-17:00", "wed": "closed"})


def test_a_steward_table_of_towns_and_labels_is_used_next_time(root, tmp_path, capsys):
    (tmp_path / "e.csv").write_text("Nom;Secteur;Ville\nA;Divers;Secteur nord\n"
                                    "B;Restaurant-bar;Rouyn-Norand\nC;Divers;Abitibi\n",
                                    encoding="utf-8")
    import_(root, tmp_path / "e.csv", "cc")
    out = capsys.readouterr().out
    assert 'column "Ville" -> municipality: repaired "Rouyn-Norand" to "rouyn-noranda" ' \
        "(close spelling (96 %))" in out
    got = {r["name"]: r for r in records(root, "cc").values()}
    assert got["B"]["category"] == "restaurant"
    assert got["C"]["review"] == {"category": "Divers", "municipality": "Abitibi"}  # an MRC
    path = root / "data/sources/cc.mapping.yaml"
    mapping = yaml.safe_load(path.read_text())
    mapping["categories"]["Divers"] = "culture"
    mapping["municipalities"] = {"Secteur nord": "amos"}
    path.write_text(yaml.safe_dump(mapping, allow_unicode=True))
    import_(root, tmp_path / "e.csv", "cc")
    again = {r["name"]: r for r in records(root, "cc").values()}
    assert (again["A"]["category"], again["A"]["municipality"]) == ("culture", "amos")
    assert "review" not in again["A"]
    assert list(records(root, "cc")) == list(records(root, "cc"))  # derived ids are stable


@pytest.mark.parametrize("said, hours, note", [
    ("Du lundi au vendredi de 11 h à 22 h", {d: "11:00-22:00" for d in
                                             ("mon", "tue", "wed", "thu", "fri")}, ""),
    ("Lun-Ven 8h30-17h, Sam 9h-12h", {**{d: "08:30-17:00" for d in
                                         ("mon", "tue", "wed", "thu", "fri")},
                                      "sat": "09:00-12:00"}, ""),
    ("Mon-Fri 9am-5pm; Sat-Sun closed", {**{d: "09:00-17:00" for d in
                                            ("mon", "tue", "wed", "thu", "fri")},
                                         "sat": "closed", "sun": "closed"}, ""),
    ("Fermé le lundi; du mardi au dimanche de 11 h à 22 h",
     {"mon": "closed", **{d: "11:00-22:00" for d in ("tue", "wed", "thu", "fri", "sat",
                                                     "sun")}}, ""),
    ("Tous les jours 9 h à 17 h", {d: "09:00-17:00" for d in
                                   ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}, ""),
    ("8h-12h et 13h-17h", {}, "8h-12h et 13h-17h"),  # which days? never invented
    ("Ouvert tous les jours sauf le lundi", {}, "Ouvert tous les jours sauf le lundi"),
    ({"lundi": "9 h à 17 h", "Tuesday": "8h-12h et 13h-17h", "samedi": "fermé",
      "dimanche": "sur rendez-vous"},
     {"mon": "09:00-17:00", "tue": "08:00-12:00, 13:00-17:00", "sat": "closed"},
     "dimanche: sur rendez-vous"),
])
def test_opening_hours_in_the_common_shapes(said, hours, note):
    assert parse_hours(said) == (hours, note)


@pytest.mark.parametrize("name, content, message", [
    ("deep.json", "[" * 5000 + "]" * 5000, "deep.json: nested more than 100 levels deep"),
    ("deep.yaml", "a:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(300)),
     "deep.yaml:101:101: nested more than 100 levels deep"),
    ("bomb.yaml", "[" * 200000 + "]" * 200000, "bomb.yaml:1:101: nested more than 100"),
    ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.csv: binary data"),
    ("scalar.json", '"just text"', "scalar.json: expected a list of records, or a mapping of "
                                   "records keyed by id; found a str"),
    ("broken.json", '{"a": [1, 2', "broken.json:1:12: not JSON (Expecting ',' delimiter)"),
    ("broken.yaml", "a: [1, 2\nb: c", "broken.yaml:2: not YAML (did not find expected ','"),
    ("fake.xlsx", "not a workbook", "fake.xlsx: not an Excel workbook"),
    ("empty.csv", "", "empty.csv: empty file; expected a header row"),
])
def test_a_malformed_export_ends_in_one_located_line_never_a_traceback(root, tmp_path, name,
                                                                         content, message):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    done = subprocess.run([sys.executable, "-m", "vitrine.cli", "import", str(path), "--source",
                           "x", "--root", str(root)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"{path}: cannot import: {message}"), line
    assert not (root / "data/sources/x.yaml").exists()


def test_an_oversized_export_is_refused_before_it_is_read(root, tmp_path, monkeypatch, capsys):
    from vitrine.importer import readers

    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    (tmp_path / "big.csv").write_text("Nom;Ville\n" + "A;Amos\n" * 50)
    assert import_(root, tmp_path / "big.csv", "x") == 1
    assert "big.csv: cannot import: big.csv: 0 MB; expected an export of at most 0 MB" in \
        capsys.readouterr().err


def test_records_to_classify_on_the_site(tmp_path):
    """No category: its own page and its town's list, no category list, no window; no town:
    no page at all; and the open data and the browser's data do not call it "a-classer"."""
    from conftest import build_copy, copy_site

    root = copy_site("directory", tmp_path)
    path = root / "data/sources/ville-marie.yaml"
    path.write_text(path.read_text(encoding="utf-8") + """\
  - id: "77"
    name: Atelier Sans Case
    category: a-classer
    municipality: ville-marie
    phone: 819 555-0177
    other_phones: [819 555-0178]
    hours_note: Sur rendez-vous
    review: {category: Divers}
  - id: "78"
    name: Commerce Sans Ville
    category: boulangerie
    municipality: a-classer
    review: {municipality: Secteur nord}
""", encoding="utf-8")
    site = build_copy(root)
    assert site.result.ok
    page = site.html("/entreprises/atelier-sans-case/")
    assert [a["href"] for a in page.select('a[href^="tel:"]')] == ["tel:+18195550177",
                                                                   "tel:+18195550178"]
    assert "Sur rendez-vous" in page.select_one("#hours-title").parent.get_text()
    assert not page.select('a[href^="/entreprises/categories/"]')
    town = (site.output / "municipalites/ville-marie/index.html").read_text(encoding="utf-8")
    assert "Atelier Sans Case" in town
    everywhere = "".join(p.read_text(encoding="utf-8") for p in site.output.rglob("*.html")
                         if "/categories/" in str(p) or p.parent.name in ("etudier",
                         "travailler", "visiter", "investir"))
    assert "Atelier Sans Case" not in everywhere
    assert "Commerce Sans Ville" not in "".join(
        p.read_text(encoding="utf-8") for p in site.output.rglob("*.html"))
    rows = json.loads((site.output / "donnees/entreprises.json").read_text())["businesses"]
    [row] = [r for r in rows if r["name"] == "Atelier Sans Case"]
    assert row["category"] == "" and row["other_phones"] == ["819 555-0178"]
    client = json.loads((site.output / "entreprises/index.json").read_text())
    assert "a-classer" not in json.dumps(client)


def test_a_title_line_above_the_header_is_left_out_and_said(root, tmp_path, capsys):
    (tmp_path / "membres.csv").write_bytes(
        "Liste des membres au 2026-10-01;;;\r\nNo;Nom;Secteur;Ville\r\n"
        "7;Boulangerie Côté;Boulangerie;Amos\r\n".encode("cp1252"))
    assert import_(root, tmp_path / "membres.csv", "cc") == 0
    out = capsys.readouterr().out
    assert "membres.csv:1: left out (a title line, not the header: 'Liste des membres au " \
        "2026-10-01')" in out
    assert records(root, "cc")["7"]["name"] == "Boulangerie Côté"


def test_objects_in_a_json_export_are_read_as_a_person_would(root, tmp_path):
    """A category as {id, libelle}, phones as a list of objects, an address in two lines of
    a CSV cell's kind, hours as a list of day objects or day ranges."""
    items = [{"id": 1, "nom": "Fromagerie du Lac", "categorie": {"id": 12, "libelle": "Fromagerie"},
              "telephones": [{"type": "bureau", "numero": "819 555-0301"},
                             {"type": "cellulaire", "numero": "819 555-0302"}],
              "adresse": {"numero": "101", "rue": "rue Principale", "ville": "Lorrainville"},
              "heures": [{"jour": "lundi", "ferme": True},
                         {"jour": "mardi", "ouverture": "9:00", "fermeture": "12:00"},
                         {"jour": "mardi", "ouverture": "13:00", "fermeture": "17:00"}]},
             {"id": 2, "nom": "Café Central", "categorie": {"id": 3, "libelle": "Café"},
              "telephones": [{"numero": "819 555-0303"}],
              "adresse": {"numero": "5", "rue": "rue Notre-Dame", "ville": "Ville-Marie"},
              "heures": [{"jours": "lundi au vendredi", "heures": "7 h à 16 h"},
                         {"jours": "samedi", "heures": "fermé"}]}]
    (tmp_path / "producteurs.json").write_text(json.dumps({"donnees": items}))
    assert import_(root, tmp_path / "producteurs.json", "prod") == 0
    mapping = yaml.safe_load((root / "data/sources/prod.mapping.yaml").read_text())
    assert (mapping["columns"]["category"], mapping["columns"]["phone"]) == \
        ("categorie.libelle", "telephones.numero")  # telephones.type is no category
    got = records(root, "prod")
    assert (got["1"]["category"], got["1"]["phone"], got["1"]["other_phones"]) == \
        ("produits-locaux", "819 555-0301", ["819 555-0302"])
    assert got["1"]["hours"] == {"mon": "closed", "tue": "09:00-12:00, 13:00-17:00"}
    assert got["2"]["hours"] == {**{d: "07:00-16:00" for d in ("mon", "tue", "wed", "thu",
                                                                "fri")}, "sat": "closed"}


def test_a_whole_address_in_one_cell_gives_its_town_and_postal_code(root, tmp_path):
    (tmp_path / "t.csv").write_text(
        'Nom;Adresse 1;Adresse 2;Ville\n'
        'Auberge A;"12, rue Humphrey\nTemiscaming (Québec)  J0Z 3R0";;\n'
        'Gîte B;40, boulevard Matagami;Matagami (Québec) J0Y 2A0;\n'
        'Motel C;7, rue Principale;Local 3;Amos\n', encoding="utf-8")
    import_(root, tmp_path / "t.csv", "t")
    got = {r["name"]: r for r in records(root, "t").values()}
    assert (got["Auberge A"]["address"], got["Auberge A"]["municipality"],
            got["Auberge A"]["postal_code"]) == ("12, rue Humphrey", "temiscaming", "J0Z 3R0")
    assert (got["Gîte B"]["address"], got["Gîte B"]["review"]) == \
        ("40, boulevard Matagami", {"category": "", "municipality": "Matagami"})  # not ours
    assert got["Motel C"]["address"] == "7, rue Principale, Local 3"
