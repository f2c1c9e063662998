"""Published URLs keep working after a rename."""

from __future__ import annotations

from conftest import build_copy, copy_site


def test_old_story_slug_redirects_to_the_story(basic_site):
    page = basic_site.html("/recits/ete-au-lac/")
    assert page.select_one('meta[http-equiv="refresh"]')["content"] == \
        "0; url=/recits/un-ete-sur-le-lac-temiscamingue/"
    assert page.select_one('link[rel="canonical"]')["href"] == \
        "https://vitrine.example.org/recits/un-ete-sur-le-lac-temiscamingue/"
def test_listed_moves_redirect_and_never_replace_a_page(tmp_path, caplog):
    root = copy_site("basic", tmp_path)
    (root / "data").mkdir()
    (root / "data" / "redirects.yaml").write_text(
        '"/vieux-chemin/": "/visiter/"\n"/etudier/": "/visiter/"\n"bad": "/x/"\n')
    site = build_copy(root)
    assert site.result.ok
    assert site.html("/vieux-chemin/").select_one("a")["href"] == "/visiter/"
    assert site.html("/etudier/").h1.get_text() == "students fr"
    assert "redirect from /etudier/ skipped: a page is published there" in caplog.text
    assert 'data/redirects.yaml:3:1: bad: attendu des chemins du site comme ' \
           '"/recits/old-slug/", trouvé "bad"' in caplog.text
