"""Published URLs keep working after a rename."""

from __future__ import annotations


def test_old_story_slug_redirects_to_the_story(basic_site):
    page = basic_site.html("/recits/ete-au-lac/")
    assert page.select_one('meta[http-equiv="refresh"]')["content"] == \
        "0; url=/recits/un-ete-sur-le-lac-temiscamingue/"
    assert page.select_one('link[rel="canonical"]')["href"] == \
        "/recits/un-ete-sur-le-lac-temiscamingue/"
