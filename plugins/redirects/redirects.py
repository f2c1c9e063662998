"""Write a small redirect page at every old URL: a story's redirect_from and data/redirects.yaml."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from vitrine import routes
from vitrine.problem_language import in_language, site_language
from vitrine.redirects import load_redirects
from vitrine.story_index import all_stories

log = logging.getLogger(__name__)


class RedirectsGenerator(Generator):
    """Collect old → new URLs and write one redirect page for each."""

    def generate_context(self):
        """Gather moves from stories and from data/redirects.yaml."""
        self.moves: dict[str, str] = {}
        for story in all_stories(self.context.get("articles", [])):
            for old in getattr(story, "redirect_from", None) or []:
                section = routes.section(story.lang, "stories", old)
                self.moves[section] = story.url
        root = Path(self.settings["PATH"]).resolve().parent
        moves, problems = load_redirects(root)
        for problem in problems:
            log.warning("%s", in_language(problem, site_language(self.settings)))
        self.moves.update(moves)

    def generate_output(self, writer):
        """Write the redirect pages, never over a page that exists."""
        output = Path(self.output_path)
        for old, new in sorted(self.moves.items()):
            if (output / routes.save_as(old)).exists():
                log.warning("redirect from /%s skipped: a page is published there", old)
                continue
            writer.write_file(routes.save_as(old), self.get_template("redirect"), self.context,
                              target=new, lang="en" if old.startswith("en/")
                              else routes.DEFAULT_LANG)


def get_generators(pelican):
    """Offer the redirects generator to Pelican."""
    return RedirectsGenerator


def register():
    """Add the generator; it runs after the others so it sees every page."""
    signals.get_generators.connect(get_generators)
