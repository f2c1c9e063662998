"""The theme's {% cache %} fragments: rendered once per key, pages as a full render writes them."""

from __future__ import annotations

import jinja2
import pytest
from conftest import build_copy, output_files, twin_sites

from vitrine.fragment_cache import FragmentCache


def test_a_fragment_is_rendered_once_for_each_value_of_its_keys():
    env = jinja2.Environment(extensions=[FragmentCache])
    page = env.from_string("<nav>{% cache lang %}{{ menu }}{% endcache %}</nav>{{ menu }}")
    assert page.render(lang="fr", menu="Accueil") == "<nav>Accueil</nav>Accueil"
    # same key: the first rendering is reused, even though menu (not a key) changed
    assert page.render(lang="fr", menu="Autre") == "<nav>Accueil</nav>Autre"
    assert page.render(lang="en", menu="Home") == "<nav>Home</nav>Home"


def test_two_fragments_with_the_same_keys_are_kept_apart():
    env = jinja2.Environment(extensions=[FragmentCache])
    page = env.from_string("{% cache lang %}[{{ a }}]{% endcache %}"
                           "{% cache lang %}({{ b }}){% endcache %}")
    assert page.render(lang="fr", a="un", b="deux") == "[un](deux)"


@pytest.mark.parametrize("kind", ["synth", "basic"])  # basic: stories in French only
def test_cached_fragments_leave_every_page_as_a_full_render_writes_it(tmp_path, monkeypatch,
                                                                       kind):
    # the keys in the theme must name all that changes from page to page in a fragment
    one, two = twin_sites(tmp_path, kind, ("cached", "full"), stories=6, seed=11)
    served = []
    render_once = FragmentCache._render_once

    def counted(self, key, caller):
        served.append(key in self.environment.fragment_cache)
        return render_once(self, key, caller)

    monkeypatch.setattr(FragmentCache, "_render_once", counted)
    cached = build_copy(one, DIRECTORY={"workers": 1})  # one process: `served` sees every page
    monkeypatch.setattr(FragmentCache, "_render_once", lambda self, key, caller: caller())
    full = build_copy(two, DIRECTORY={"workers": 1})
    assert cached.result.ok and full.result.ok
    assert served.count(True) > 10  # fragments did come from the cache
    cached_files, full_files = output_files(cached.output), output_files(full.output)
    assert sorted(cached_files) == sorted(full_files)
    assert [p for p in cached_files if cached_files[p] != full_files[p]] == []
