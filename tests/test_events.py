"""Events on a fixture site (tests/sites/events/, "today" fixed at 2026-12-02): their pages,
lists without JavaScript, archive, calendars, structured data, and the windows, town and
business pages that show them."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT, build_copy, copy_site
from icalendar import Calendar

from vitrine.build import build
from vitrine.cli import main

PUBLIC = "https://vitrine.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = build_copy(copy_site("events", tmp_path_factory.mktemp("events")),
                       EVENTS={"today": "2026-12-02"})
    assert built.result.ok and built.result.warnings == 0
    return built


def jsonld(page) -> dict:
    return json.loads(page.select_one('script[type="application/ld+json"]').string)


def events_on(page) -> list[str]:
    return [a["href"].rstrip("/").split("/")[-1] for a in page.select(".event-card h2 a, "
                                                                       ".event-card h3 a")]


def calendar(site, path) -> Calendar:
    return Calendar.from_ical((site.output / path).read_bytes())


@pytest.mark.parametrize("url, title", [
    ("/evenements/festival-des-lumieres/", "Festival des lumières du Témiscamingue"),
    ("/en/events/festival-des-lumieres/", "Timiskaming Festival of Lights")])
def test_an_event_has_a_page_in_each_language_with_what_a_visitor_needs(site, url, title):
    page = site.html(url)
    assert page.h1.get_text() == title
    facts = page.select_one(".event-facts").get_text(" ", strip=True)
    assert ("12 février 2027, 19 h à 23 h" in facts) or ("February 12, 2027" in facts
                                                          or "12 February 2027" in facts)
    assert page.select_one('.event-facts a[href$="/boulangerie-st-jean-ville-marie/"]')
    assert page.select_one('link[rel="alternate"][hreflang="en"]')["href"] == \
        f"{PUBLIC}/en/events/festival-des-lumieres/"
    assert page.select_one("main")["data-pagefind-body"] == ""
    assert page.select_one('a[download][href$=".ics"]')


def test_structured_data_has_googles_required_and_recommended_properties(site):
    data = jsonld(site.html("/evenements/festival-des-lumieres/"))
    assert data["@type"] == "Event" and data["name"] == "Festival des lumières du Témiscamingue"
    assert data["startDate"] == "2027-02-12T19:00:00-05:00"  # the region's time zone
    assert data["endDate"] == "2027-02-12T23:00:00-05:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Ville-Marie"
    assert data["location"]["address"]["streetAddress"] == "12 rue Ste-Anne"  # the venue's
    assert data["organizer"] == {"@type": "Organization", "name": "Corporation du festival",
                                 "url": "https://festival.example"}
    assert data["offers"]["price"] == "25.00" and data["offers"]["priceCurrency"] == "CAD"
    assert data["image"] == [f"{PUBLIC}/images/lac.jpg"]
    assert data["url"] == f"{PUBLIC}/evenements/festival-des-lumieres/"  # absolute
    rescheduled = jsonld(site.html("/en/events/portes-ouvertes-genie/"))
    assert rescheduled["eventStatus"] == "https://schema.org/EventRescheduled"
    assert rescheduled["previousStartDate"] == "2027-02-26T10:00:00-05:00"
    assert rescheduled["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {place["@type"] for place in rescheduled["location"]} == {"Place", "VirtualLocation"}


def test_a_series_is_described_by_its_next_occurrences_and_skips_its_exceptions(site):
    page = site.html("/evenements/marche-du-samedi/")
    dates = [t["datetime"] for t in page.select("#dates-title + ul time")]
    assert dates[:4] == ["2026-12-05T09:00:00", "2026-12-12T09:00:00", "2026-12-19T09:00:00",
                         "2027-01-02T09:00:00"]  # 2026-12-26 is an exception; November past
    graph = jsonld(page)["@graph"]
    assert [e["startDate"][:10] for e in graph] == [d[:10] for d in dates]
    [event] = calendar(site, "evenements/marche-du-samedi/calendrier.ics").walk("VEVENT")
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["COUNT"] == [8]
    assert event["EXDATE"].dts[0].dt.date() == dt.date(2026, 12, 26)


def test_cancelled_rescheduled_and_past_events_say_so(site):
    cancelled = site.html("/evenements/salon-emploi/")
    assert cancelled.select_one(".notice-cancelled").get_text(strip=True) == "Annulé"
    assert jsonld(cancelled)["eventStatus"] == "https://schema.org/EventCancelled"
    [event] = calendar(site, "evenements/salon-emploi/calendrier.ics").walk("VEVENT")
    assert event["STATUS"] == "CANCELLED"
    moved = site.html("/evenements/portes-ouvertes-genie/")
    assert "auparavant le 26 février 2027" in moved.select_one(".notice-rescheduled").get_text()
    past = site.html("/evenements/dejeuner-d-affaires-d-octobre/")  # its URL keeps working
    assert "Cet événement est passé." in past.select_one(".notice").get_text()
    assert past.select_one('meta[name="robots"]')["content"] == "noindex"
    assert not past.select_one("main").has_attr("data-pagefind-body")


def test_the_lists_filter_by_audience_town_and_month_with_plain_links(site):
    everything = site.html("/evenements/")
    assert events_on(everything) == ["marche-du-samedi", "dejeuner-investisseurs-janvier",
                                     "salon-emploi", "festival-des-lumieres",
                                     "portes-ouvertes-genie"]  # by their next date
    links = {a["href"] for a in everything.select(".event-filters a")}
    assert {"/evenements/public/etudier/", "/evenements/municipalites/amos/",
            "/evenements/mois/2027-02/"} <= links
    assert events_on(site.html("/evenements/public/etudier/")) == [
        "festival-des-lumieres", "portes-ouvertes-genie"]
    assert events_on(site.html("/en/events/towns/amos/")) == ["salon-emploi",
                                                             "portes-ouvertes-genie"]
    assert events_on(site.html("/evenements/mois/2027-01/")) == [
        "marche-du-samedi", "dejeuner-investisseurs-janvier", "salon-emploi"]
    assert events_on(site.html("/evenements/archives/")) == ["dejeuner-d-affaires-d-octobre"]
    assert "dejeuner-d-affaires-d-octobre" not in events_on(everything)


def test_windows_towns_and_businesses_show_their_upcoming_events(site):
    assert events_on(site.html("/etudier/")) == ["festival-des-lumieres",
                                                 "portes-ouvertes-genie"]
    assert events_on(site.html("/investir/")) == ["dejeuner-investisseurs-janvier"]
    town = site.html("/municipalites/ville-marie/")
    assert events_on(town) == ["marche-du-samedi", "dejeuner-investisseurs-janvier",
                               "festival-des-lumieres"]
    venue = site.html("/entreprises/boulangerie-st-jean-ville-marie/")  # venue and organiser
    assert events_on(venue) == ["marche-du-samedi", "festival-des-lumieres"]
    assert events_on(site.html("/en/businesses/genie-nord/")) == ["portes-ouvertes-genie"]


def test_every_calendar_parses_back_with_rfc_5545s_required_properties(site):
    calendars = sorted(site.output.rglob("*.ics"))
    assert len(calendars) >= 2 * (6 + 1 + 4)  # each event, all, each audience with events
    for path in calendars:
        cal = Calendar.from_ical(path.read_bytes())
        assert str(cal["VERSION"]) == "2.0" and cal["PRODID"]
        for event in cal.walk("VEVENT"):
            assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY"} <= set(event), path
            if isinstance(event["DTSTART"].dt, dt.datetime):
                assert event["DTSTART"].params["TZID"] == "America/Toronto"
        timed = any(isinstance(e["DTSTART"].dt, dt.datetime) for e in cal.walk("VEVENT"))
        assert bool(cal.walk("VTIMEZONE")) == timed, path
    uids = {str(e["UID"]) for e in calendar(site, "evenements/calendrier.ics").walk("VEVENT")}
    assert "festival-des-lumieres@vitrine.example.org" in uids
    assert "dejeuner-d-affaires-d-octobre@vitrine.example.org" not in uids  # past
    students = calendar(site, "en/events/audience/study/calendar.ics").walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in students) == [
        "Génie Nord open house", "Timiskaming Festival of Lights"]


def test_feeds_sitemap_and_search_include_events(site):
    feed = ET.parse(site.output / "visiter/atom.xml").getroot()
    titles = [e.find(f"{ATOM}title").text for e in feed.iter(f"{ATOM}entry")]
    assert "Festival des lumières du Témiscamingue" in titles
    events_feed = ET.parse(site.output / "evenements/atom.xml").getroot()  # the list's own
    listed = [e.find(f"{ATOM}title").text for e in events_feed.iter(f"{ATOM}entry")]
    assert "Festival des lumières du Témiscamingue" in listed
    assert len(listed) == len(site.html("/evenements/").select(".event-card"))
    sitemap = (site.output / "sitemap.xml").read_text()
    assert "/evenements/festival-des-lumieres/</loc>" in sitemap
    assert 'hreflang="en" href="/en/events/festival-des-lumieres/"' in sitemap
    from vitrine.search_index import indexed_pages

    assert "evenements/*/index.html" in indexed_pages("fr")


def test_a_broken_event_file_is_located_by_check_and_skipped_by_a_build(tmp_path, capsys):
    root = copy_site("events", tmp_path)
    (root / "data/events/bad.yaml").write_text(
        "title: Soirée\naudiences: [workers, retraités]\nstart: 2027-13-01\n"
        "place: {business: nulle-part}\nstatus: maybe\n", encoding="utf-8")
    assert main(["check", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    for line in ['data/events/bad.yaml:2:22: audiences[1]: expected one of investors, students, '
                 'workers, tourists; got "retraités"',
                 'data/events/bad.yaml:3:1: start: expected a date (2026-08-28) or a date and '
                 'time (2026-08-28T19:00), got "2027-13-01"',
                 'data/events/bad.yaml:4:9: place.business: expected a business of the '
                 'directory (its slug), got "nulle-part"',
                 'data/events/bad.yaml:5:1: status: expected one of scheduled, cancelled, '
                 'postponed, rescheduled; got "maybe"']:
        assert line in err, line
    built = build_copy(root, EVENTS={"today": "2026-12-02"})
    assert built.result.ok and built.result.warnings == 4  # the same four problems
    assert not (built.output / "evenements/bad/index.html").exists()
    assert (built.output / "evenements/festival-des-lumieres/index.html").exists()
    strict = build(root, root / "strict", ROOT / "pelicanconf.py",
                   {"EVENTS": {"today": "2026-12-02"}}, strict=True)
    assert not strict.ok and not (root / "strict").exists()  # publishing refuses it


def test_bad_settings_stop_the_build_and_check_with_located_problems(tmp_path, caplog,
                                                                      capsys):
    root = copy_site("events", tmp_path)
    (root / "pelicanconf.py").write_text(
        "from pathlib import Path\n"
        f"exec((Path({str(ROOT)!r}) / 'pelicanconf.py').read_text())\n"
        "DIRECTORY = {'per_page': 0, 'colour': 'red'}\n"
        "EVENTS = {'today': 'someday'}\nTIMEZONE = 'Abitibi/Nowhere'\n", encoding="utf-8")
    expected = [  # a French site: the problems are told in French
        "pelicanconf.py:3: DIRECTORY.per_page: attendu un nombre entier entre 1 et 1000, "
        "trouvé 0",
        "pelicanconf.py:3: DIRECTORY.colour: clé inconnue; attendu l'une des valeurs per_page, "
        "window_sample, report_dir, edit_url, workers",
        'pelicanconf.py:4: EVENTS.today: attendu une date (AAAA-MM-JJ), trouvé "someday"',
        'pelicanconf.py:5: TIMEZONE: attendu un fuseau horaire (America/Toronto), trouvé '
        '"Abitibi/Nowhere"']
    result = build(root, root / "output", root / "pelicanconf.py")
    assert not result.ok and result.errors >= 4 and not (root / "output").exists()
    for line in expected:
        assert line in caplog.text, line
    assert main(["check", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert all(line in err for line in expected)


@pytest.mark.parametrize("url, kind, required", [
    ("/en/events/festival-des-lumieres/", "Event",
     {"name", "startDate", "location", "eventStatus", "eventAttendanceMode", "organizer",
      "offers", "image", "url"}),
    ("/entreprises/boulangerie-st-jean-ville-marie/", "Bakery",
     {"name", "address", "telephone", "url"}),
    ("/recits/un-ete-sur-le-lac-temiscamingue/", "Article",
     {"headline", "datePublished", "author", "publisher", "url"}),
])
def test_structured_data_of_every_page_type_parses_with_absolute_urls(site, url, kind,
                                                                      required):
    data = jsonld(site.html(url))
    assert data["@context"] == "https://schema.org" and data["@type"] == kind
    assert required <= set(data), required - set(data)
    assert data["url"] == f"{PUBLIC}{url}"
