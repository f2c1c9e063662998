"""Jinja's {% cache key, ... %}: render a template fragment once per build for each key."""

from __future__ import annotations

import itertools

from jinja2 import nodes
from jinja2.ext import Extension


def forget_fragments(environment) -> None:
    """Render every fragment again: what a build held constant changed (a live preview's edit)."""
    getattr(environment, "fragment_cache", {}).clear()


class FragmentCache(Extension):
    """Render what sits between {% cache a, b %} and {% endcache %} once per value of (a, b).

    The keys name everything in the fragment that changes from page to page (the language,
    the current audience...); what a build holds constant (settings, UI strings) need not
    be named. The 110,000 pages of a 50,000-business site share one header and footer per
    language. Modelled on the fragment cache example of Jinja's extension documentation.
    """

    tags = {"cache"}

    def __init__(self, environment):
        super().__init__(environment)
        environment.extend(fragment_cache={})  # one environment per generator and build
        self._fragments = itertools.count()  # tells apart fragments with the same keys

    def parse(self, parser):
        """Read `cache key, ...` up to `endcache`; which fragment it is is part of its key."""
        lineno = next(parser.stream).lineno
        keys = [nodes.Const(f"{parser.name}:{lineno}:{next(self._fragments)}")]
        while parser.stream.current.type != "block_end":
            if len(keys) > 1:
                parser.stream.expect("comma")
            keys.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        call = self.call_method("_render_once", [nodes.Tuple(keys, "load")])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _render_once(self, key: tuple, caller) -> str:
        """Return the fragment rendered for this key, rendering it the first time."""
        cache = self.environment.fragment_cache
        if key not in cache:
            cache[key] = caller()
        return cache[key]
