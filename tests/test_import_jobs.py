"""vitrine import --kind jobs: a job board's export in, offers the site reads out, with a
mapping the steward reviews, a report of every refused, held or repaired value, and the
labelled exports of bench/fixtures/jobs/ imported as their labels say."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT

from vitrine.cli import main
from vitrine.directory import load_directory
from vitrine.importer import job_bench
from vitrine.importer.job_columns import propose
from vitrine.importer.job_mapping import guess_types, load_job_mapping
from vitrine.importer.job_values import apply_of, paragraphs, parse_date, remote_of
from vitrine.importer.jobs import convert_jobs
from vitrine.importer.readers import read_table
from vitrine.importer.salary import parse_salary
from vitrine.kinds import load_kinds
from vitrine.kinds.items import References, read_kind

BOARD = """\
No offre;Titre du poste;Employeur;Ville;Type d'emploi;Salaire;Télétravail;Date de publication;\
Date limite;Postuler;Description
A-1;Préposé à l'entretien;Académie Lamaque;Rouyn-Noranda;Temps plein, permanent;22,50 $/h;\
Non;2026-11-01;20 novembre 2026;Envoyez votre CV à rh@lamaque.ca;"<p>Entretien &amp; \
ménage</p><p>Deuxième</p>"
A-2;Commis d'été;Pharmacie Morin;Amos;Emploi d'été;Selon expérience;Hybride;01/11/2026;\
2026/12/01;https://emplois.example.ca/a2;Travail d'été.
A-3;;Pharmacie Morin;Amos;Stage rémunéré;25-30$/h;;2026-11-01;2026-12-01;x@y.ca;Desc
A-4;Stagiaire;Inconnu inc.;Montréal;Stage rémunéré;25-30$/h;;2026-11-01;2026-12-01;\
javascript:alert(1);Desc
A-5;Chauffeur;Transport X;Val-dOr;Occasionnel;1 200 $ par semaine;;2026-11-20;2026-11-01;\
mailto:a@b.ca;Desc
A-6;Préposé à l'entretien;Académie Lamaque;Rouyn-Noranda;Temps plein;22,50 $/h;Non;2026-11-01;\
2026-11-20;rh@lamaque.ca;Desc
"""


FIXTURES = ROOT / "bench" / "fixtures" / "jobs"
EXPORTS = sorted(p.name.removesuffix(".labels.yaml") for p in FIXTURES.glob("*.labels.yaml"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo project's territory, taxonomy and directory sources, copied once: its
    directory is what employers are matched against."""
    return job_bench.project(ROOT, tmp_path_factory.mktemp("jobs") / "demo")


@pytest.fixture
def root(tmp_path, demo):
    shutil.copytree(demo / "data", tmp_path / "project" / "data")
    return tmp_path / "project"


def import_jobs(root, file, source, *extra):
    return main(["import", str(file), "--kind", "jobs", "--source", source, "--root", str(root),
                 *extra])


def offers(root, source):
    data = yaml.safe_load((root / f"data/jobs/{source}.yaml").read_text(encoding="utf-8"))
    return {o["id"]: o for o in data["jobs"]}


def site_reads(root):
    """The offers as the site reads them, and its problems with them."""
    directory = load_directory(root)
    return read_kind(root, load_kinds()["jobs"],
                     References.of(directory, root / "content", None))


def test_a_board_export_becomes_offers_the_site_reads(root, tmp_path, capsys):
    (tmp_path / "board.csv").write_text(BOARD, encoding="utf-8")
    assert import_jobs(root, tmp_path / "board.csv", "board") == 0
    out = capsys.readouterr().out
    got = offers(root, "board")
    assert sorted(got) == ["a-1", "a-2"]
    assert got["a-1"]["employer"] == {"business": "academie-lamaque"}
    assert got["a-1"]["employment_type"] == ["full-time"]
    assert got["a-1"]["salary"] == {"min": 22.5, "unit": "hour"}
    assert got["a-1"]["valid_through"] == dt.date(2026, 11, 20)
    assert got["a-1"]["apply"] == {"email": "rh@lamaque.ca",
                                   "note": {"fr": "Envoyez votre CV à rh@lamaque.ca"}}
    assert got["a-1"]["description"] == {"fr": "Entretien & ménage\n\nDeuxième"}
    assert got["a-2"]["employer"] == {"business": "pharmacie-morin-amos"}
    assert got["a-2"]["remote"] == "hybrid"
    assert "salary" not in got["a-2"]
    assert 'board.csv:3: column "Salaire" -> salary: left out "Selon expérience" (no amount ' \
           "in it; no salary published)" in out
    assert "board.csv:4: row refused (no title; an offer needs at least a title)" in out
    assert 'board.csv:5: column "Postuler" -> apply_url: rejected "javascript:alert(1)" (unsafe ' \
           "address)" in out
    assert 'board.csv:5: held for review, not published (municipality "Montréal": not a ' \
           "municipality of data/territory.yaml; no web address or e-mail to apply)" in out
    assert "board.csv:6: held for review, not published (its deadline 2026-11-01 is before its " \
           "posting date 2026-11-20)" in out
    assert "board.csv:7: a duplicate of board.csv:2 (same title, employer and town); imported " \
           "once" in out
    text = (root / "data/jobs/board.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Job offers imported by vitrine import --kind jobs from board.csv")
    assert list(yaml.safe_load(text)) == ["jobs"]  # no key the site would take as defaults
    items, problems = site_reads(root)
    assert problems == []
    assert sorted(i.id for i in items) == ["a-1", "a-2"]


def test_the_proposed_mapping_comments_each_guess_and_lists_unknown_towns(root, tmp_path,
                                                                           capsys):
    (tmp_path / "board.csv").write_text(BOARD, encoding="utf-8")
    import_jobs(root, tmp_path / "board.csv", "board")
    text = (root / "data/jobs/board.mapping.yaml").read_text(encoding="utf-8")
    assert '  title: "Titre du poste"' in text
    assert '  "Temps plein, permanent": ["full-time"]   # 1 row; like "temps plein"' in text
    assert '  "Occasionnel": ["temporary"]' in text
    assert '  "Montréal": a-classer   # TO REVIEW: not a municipality of ' \
           "data/territory.yaml" in text
    assert "proposed employment types (partner label -> ours):" in capsys.readouterr().out


def test_a_reviewed_mapping_is_reused(root, tmp_path, capsys):
    (tmp_path / "board.csv").write_text(BOARD, encoding="utf-8")
    import_jobs(root, tmp_path / "board.csv", "board")
    path = root / "data/jobs/board.mapping.yaml"
    mapping = yaml.safe_load(path.read_text(encoding="utf-8"))
    mapping["employment_types"]["Emploi d'été"] = ["summer", "part-time"]
    mapping["municipalities"]["Montréal"] = "amos"
    path.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    capsys.readouterr()
    assert import_jobs(root, tmp_path / "board.csv", "board") == 0
    out = capsys.readouterr().out
    assert "proposed mapping" not in out
    got = offers(root, "board")
    assert got["a-2"]["employment_type"] == ["summer", "part-time"]
    assert "municipality \"Montréal\"" not in out
    assert "changed a-2: employment_type" in out


def test_a_mapping_naming_a_column_the_export_lost_says_so(root, tmp_path, capsys):
    (tmp_path / "board.csv").write_text(BOARD, encoding="utf-8")
    import_jobs(root, tmp_path / "board.csv", "board", "--dry-run")
    assert not (root / "data/jobs").exists()  # --dry-run: nothing written, not even the mapping
    import_jobs(root, tmp_path / "board.csv", "board")
    (tmp_path / "board.csv").write_text(BOARD.replace("Télétravail;", "Mode;"), encoding="utf-8")
    capsys.readouterr()
    assert import_jobs(root, tmp_path / "board.csv", "board") == 0
    assert capsys.readouterr().err.startswith(
        'data/jobs/board.mapping.yaml: columns.remote: "Télétravail" is not a column of this '
        "export; expected one of No offre, Titre du poste,")


def test_a_broken_mapping_is_reported_where_it_is_wrong(root, tmp_path, capsys):
    (tmp_path / "board.csv").write_text(BOARD, encoding="utf-8")
    (root / "data/jobs").mkdir()
    (root / "data/jobs/board.mapping.yaml").write_text(
        "columns:\n  title: Titre du poste\n  salaire: Salaire\nemployment_types:\n"
        "  Occasionnel: [casual]\n", encoding="utf-8")
    assert import_jobs(root, tmp_path / "board.csv", "board") == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("data/jobs/board.mapping.yaml:3:3: columns.salaire: unknown field")
    assert err[1] == ("data/jobs/board.mapping.yaml:5:3: employment_types.Occasionnel: expected "
                      "a list of full-time, part-time, contract, temporary, internship, summer, "
                      'seasonal, volunteer; got ["casual"]')


def test_a_re_import_reports_added_changed_and_removed(root, tmp_path, capsys):
    (tmp_path / "board.csv").write_text(BOARD, encoding="utf-8")
    import_jobs(root, tmp_path / "board.csv", "board")
    capsys.readouterr()
    lines = BOARD.splitlines()
    lines[1] = lines[1].replace("22,50 $/h", "24 $/h")
    lines[2] = lines[2].replace("A-2;", "A-9;")
    (tmp_path / "board.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_jobs(root, tmp_path / "board.csv", "board") == 0
    out = capsys.readouterr().out
    assert "changed a-1: salary" in out
    assert "added a-9: Commis d'été" in out
    assert "removed a-2: Commis d'été" in out
    assert "1 added, 1 changed, 1 removed" in out


def test_offers_without_an_id_keep_theirs_from_one_import_to_the_next(root, tmp_path):
    export = "Titre,Employeur,Ville,Type,Date limite,Courriel,Description\n" \
             "Soudeur,Garage Boucher,Val-d'Or,Temps plein,2027-12-01,rh@x.ca,Souder.\n"
    (tmp_path / "b.csv").write_text(export, encoding="utf-8")
    import_jobs(root, tmp_path / "b.csv", "b")
    first = list(offers(root, "b"))
    (tmp_path / "b.csv").write_text(export.replace("Souder.", "Souder bien."),
                                    encoding="utf-8")
    import_jobs(root, tmp_path / "b.csv", "b")
    assert list(offers(root, "b")) == first
    assert first[0].startswith("soudeur-")
    assert offers(root, "b")[first[0]]["employer"] == {"business": "garage-boucher-val-d-or"}


def test_undated_offers_keep_their_first_day_and_numbers_are_prefixed(root, tmp_path, capsys):
    export = "Numéro,Job title,Company,City,Email,Description\n" \
             "8812,Summer student,Garage Boucher,Val-d'Or,rh@x.example,Help.\n" \
             "8813,Clerk,Garage Boucher,Val-d'Or,rh@x.example,\n"
    (tmp_path / "b.csv").write_text(export, encoding="utf-8")
    import_jobs(root, tmp_path / "b.csv", "b")
    out = capsys.readouterr().out
    got = offers(root, "b")
    assert list(got) == ["b-8812"]  # two boards' numbers never meet
    assert got["b-8812"]["employment_type"] == ["summer"]  # no type column: the title says it
    assert f"b.csv:2: date_posted: none given; {dt.date.today()} written" in out
    assert "b.csv:3: held for review, not published (no employment type given; no " \
           "description)" in out
    data = yaml.safe_load((root / "data/jobs/b.yaml").read_text(encoding="utf-8"))
    data["jobs"][0].update(date_posted=dt.date(2026, 11, 2), valid_through=dt.date(2026, 12, 2))
    (root / "data/jobs/b.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    import_jobs(root, tmp_path / "b.csv", "b")
    assert "0 changed" in capsys.readouterr().out
    assert offers(root, "b")["b-8812"]["date_posted"] == dt.date(2026, 11, 2)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("broken.json", '{"a": [1, 2', "broken.json:1:12: not JSON (Expecting ',' delimiter)"),
    ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.csv: binary data"),
    ("fake.xlsx", "not a workbook", "fake.xlsx: not an Excel workbook"),
])
def test_an_unreadable_export_ends_in_one_located_line(root, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    done = subprocess.run([sys.executable, "-m", "vitrine.cli", "import", str(path), "--kind",
                           "jobs", "--source", "x", "--root", str(root)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"{path}: cannot import: {message}"), line
    assert not (root / "data/jobs/x.yaml").exists()


@pytest.mark.parametrize(("text", "expected"), [
    ("22,50 $/h", {"min": 22.5, "unit": "hour"}),
    ("45 000 $ - 55 000 $ par année", {"min": 45000, "max": 55000, "unit": "year"}),
    ("De 52 000 à 60 000 $/an", {"min": 52000, "max": 60000, "unit": "year"}),
    ("25-30$/h", {"min": 25, "max": 30, "unit": "hour"}),
    ("1 200 $ par semaine", {"min": 1200, "unit": "week"}),
    ("$45K-55K a year", {"min": 45000, "max": 55000, "unit": "year"}),
    ("$22.50 an hour", {"min": 22.5, "unit": "hour"}),
    ("3 000 $ par mois", {"min": 3000, "unit": "month"}),
    ("Selon expérience", None),
])
def test_salaries_are_read_as_boards_write_them(text, expected):
    assert parse_salary(text)[0] == expected


@pytest.mark.parametrize("text", ["2026-11-20", "20/11/2026", "2026/11/20", "20 novembre 2026",
                                  "Nov 20, 2026", "2026-11-20 00:00:00", "2026-11-20T08:00:00Z",
                                  "vendredi 20 novembre 2026"])
def test_dates_are_read_as_boards_write_them(text):
    assert parse_date(text) == dt.date(2026, 11, 20)


@pytest.mark.parametrize(("label", "types"), [
    ("Temps plein, permanent", ["full-time"]), ("Occasionnel", ["temporary"]),
    ("Emploi d'été", ["summer"]), ("Stage rémunéré", ["internship"]),
    ("Temps plein ou temps partiel", ["full-time", "part-time"]), ("FULL_TIME", ["full-time"]),
    ("Saisonnier", ["seasonal"]), ("Bénévolat", ["volunteer"]), ("Contractuel", ["contract"]),
    ("Permanent", []),
])
def test_employment_type_labels_are_read_into_our_types(label, types):
    assert guess_types(label)[0] == types


@pytest.mark.parametrize(("text", "expected"), [
    ("https://emplois.example.ca/12", {"url": "https://emplois.example.ca/12"}),
    ("RH@Exemple.ca", {"email": "rh@exemple.ca"}),
    ("mailto:rh@exemple.ca?subject=Poste 12", {"email": "rh@exemple.ca"}),
    ("Envoyez votre CV à rh@exemple.ca", {"email": "rh@exemple.ca"}),
    ("javascript:alert(1)", {}), ("data:text/html;base64,PHNjcmlwdD4=", {}),
])
def test_a_way_to_apply_is_read_from_a_link_an_address_or_a_sentence(text, expected):
    assert apply_of(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Non", "no"), ("Sur place", "no"), ("Hybride", "hybrid"), ("Télétravail possible", "hybrid"),
    ("100 % télétravail", "yes"), ("Remote", "yes"), ("peut-être", None),
])
def test_remote_words(text, expected):
    assert remote_of(text) == expected


def test_descriptions_keep_their_paragraphs_and_lose_their_tags():
    text, notes = paragraphs("<p>MÃ©canicien&nbsp;recherché</p><ul><li>Un</li><li>Deux</li>"
                             "</ul>Ligne<br>suivante")
    assert text == "Mécanicien recherché\n\n- Un\n- Deux\n\nLigne\nsuivante"
    assert "mojibake repaired" in notes


def test_columns_are_proposed_from_names_and_nested_paths():
    assert propose(["id", "title.fr", "title.en", "employeur.nom", "employeur.id",
                    "lieu.ville", "salaire.min", "salaire.max", "salaire.unite",
                    "datePosted", "validThrough", "postuler.url", "postuler.courriel"]) == {
        "id": "id", "title": "title.fr", "title_en": "title.en", "employer": "employeur.nom",
        "municipality": "lieu.ville", "salary_min": "salaire.min", "salary_max": "salaire.max",
        "salary_unit": "salaire.unite", "date_posted": "datePosted",
        "valid_through": "validThrough", "apply_url": "postuler.url",
        "apply_email": "postuler.courriel"}


def test_a_feeds_camel_case_format_words_and_an_employers_other_names_are_read():
    assert propose(["offer.descriptionHtml", "offer.jobTitle", "company.name",
                    "company.legalName", "pay.text", "pay.min", "place.workplaceMode",
                    "Affichée le"]) == {
        "title": "offer.jobTitle", "employer": ["company.name", "company.legalName"],
        "salary": "pay.text", "salary_min": "pay.min", "remote": "place.workplaceMode",
        "date_posted": "Affichée le", "description": "offer.descriptionHtml"}


def test_a_mapping_may_name_several_columns_the_first_filled_taken(root, tmp_path, capsys):
    export = tmp_path / "flux.json"
    export.write_text(
        '{"jobs": [{"id": "1", "title": "Commis", "company": {"name": "", "legalName": '
        '"Pharmacie Morin"}, "city": "Amos", "type": "Temps plein", "posted": "2026-11-01", '
        '"expires": "2026-12-20", "apply": "https://emplois.example.org/1", '
        '"descriptionHtml": "<p>Au comptoir.</p>"}, {"id": "2", "title": "Commis de soir", '
        '"company": {"name": "Pharmacie Morin", "legalName": "9123-4567 Québec inc."}, '
        '"city": "Amos", "type": "Temps plein", "posted": "2026-11-01", "expires": "2026-12-20", '
        '"apply": "https://emplois.example.org/2", "descriptionHtml": "<p>Soirs.</p>"}]}',
        encoding="utf-8")
    assert main(["import", str(export), "--kind", "jobs", "--source", "flux",
                 "--root", str(root)]) == 0
    mapping = load_job_mapping(root / "data/jobs/flux.mapping.yaml", "flux.mapping.yaml")
    assert mapping.columns["employer"] == ["company.name", "company.legalName"]
    offers = yaml.safe_load((root / "data/jobs/flux.yaml").read_text(encoding="utf-8"))["jobs"]
    assert [o["employer"] for o in offers] == [{"business": "pharmacie-morin-amos"}] * 2
    assert [o["description"]["fr"] for o in offers] == ["Au comptoir.", "Soirs."]


@pytest.mark.parametrize("export", EXPORTS)
def test_each_labelled_offer_of_the_dev_set_is_imported_as_its_label_says(root, export,
                                                                          capsys):
    source = export.split(".")[0]
    assert import_jobs(root, FIXTURES / export, source) == 0
    out = capsys.readouterr().out
    written = offers(root, source)
    directory = load_directory(root)
    mapping = load_job_mapping(root / f"data/jobs/{source}.mapping.yaml", "mapping")
    done = convert_jobs(read_table(FIXTURES / export), mapping, directory.territory,
                        directory.taxonomy.categories, directory, source)
    assert done.offers == list(written.values())  # what the command wrote, row by row
    labels = yaml.safe_load((FIXTURES / f"{export}.labels.yaml").read_text(encoding="utf-8"))
    wrong = []
    for n, (label, row) in enumerate(zip(labels, done.rows, strict=True), 1):
        wanted = job_bench.expected(label, directory)
        got = job_bench.answer(row.values, row.outcome, row.assumed)
        reason = label.get("reason", "")
        if reason.startswith("missing title"):
            assert row.outcome == "refused"
            assert f"{row.label}: row refused (no title; an offer needs at least a title)" in out
        elif reason.startswith("duplicate"):
            assert row.outcome == "duplicate"
            assert f"{row.label}: a duplicate of " in out
        elif reason.startswith("deadline before posting date"):
            assert row.outcome == "held"  # held for review: never published
            assert f"{row.label}: held for review, not published (its deadline " in out
        elif label["municipality"] is None:
            assert row.outcome == "held"
        wrong += [f"#{n} {name}: expected {wanted[name]!r}, got {got[name]!r}"
                  for name in job_bench.SCORED if wanted[name] != got[name]
                  and (name == "published" or not label.get("refused"))]
    assert wrong == []
    items, problems = site_reads(root)
    assert problems == []
    assert sorted(i.id for i in items) == sorted(written)


def test_accuracy_on_the_dev_set_beside_a_naive_importer():
    """Print the per-field accuracy (pytest -s shows it); the importer beats naive rules."""
    result = job_bench.run(FIXTURES, ROOT)
    print(f"\n{result['offers']} labelled offers\n{job_bench.table(result)}")
    ours, naive = result["accuracy"]["importer"], result["accuracy"]["naive"]
    assert all(ours[name] >= 0.95 and ours[name] >= naive[name] for name in ours), ours
