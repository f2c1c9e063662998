"""Give templates share_card() and draw the cards the pages name.

Pages rendered by the directory's worker processes, or reused from the previous build,
call share_card() elsewhere or not at all: the cards of stories and businesses are planned
here again, with the same functions, from the stories and the merged directory. The cards not
cached yet are drawn once the pages are written.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from jinja2 import pass_context
from pelican import signals

from vitrine import routes, share_cards
from vitrine.jsonld import public_url
from vitrine.links import link_or_copy
from vitrine.live import businesses_replaced
from vitrine.share_cards import Card
from vitrine.story_index import all_stories

log = logging.getLogger(__name__)
DEFAULTS = {"enabled": True, "cache": ".cache/share-cards", "quality": 70, "workers": None}
FOLDER = "images/partage"  # under the output: one folder of content-named files
_BUILD: dict = {}  # this build's Cards, made when Pelican starts


def share_settings(settings) -> dict:
    """Return SHARE_CARDS merged with defaults (vitrine.settings_schema checked its keys)."""
    return {**DEFAULTS, **(settings.get("SHARE_CARDS") or {})}


class Cards:
    """One build's cards: what each page's card shows, and every card planned so far."""

    def __init__(self, settings):
        self.settings, self.options = settings, share_settings(settings)
        self.root = Path(settings["PATH"]).resolve().parent
        self.content = Path(settings["PATH"]).resolve()
        css = Path(settings["THEME"]) / "static" / "css" / "main.css"
        self.colours = share_cards.css_colours(css.read_text(encoding="utf-8")) \
            if css.is_file() else {}
        self.planned: dict[str, Card] = {}
        self.digests: dict[str, str] = {}
        self.base = f"{public_url(settings)}/{FOLDER}"
        self.cache = self.root / self.options["cache"]

    def _colour(self, name: str, default: str) -> str:
        return self.colours.get(name, default)

    def _flat(self, background: tuple[str, str] = ("brand-dark", "#073a44"), **texts) -> Card:
        """A card of the region's colours: background (a theme colour, its default)."""
        return Card(**texts, background=self._colour(*background),
                    ink=self._colour("paper", "#ffffff"), accent=self._colour("focus", "#ffbf47"))

    def _on_cover(self, cover: str, **texts) -> Card:
        """A card on a cover photo, or a flat one when the cover cannot be read."""
        if cover not in self.digests:
            self.digests[cover] = share_cards.cover_digest(self.content / cover)
        if not self.digests[cover]:
            return self._flat(**texts)
        return Card(**texts, ink="#ffffff", accent=self._colour("focus", "#ffbf47"),
                    cover=cover, cover_digest=self.digests[cover],
                    cover_path=str(self.content / cover))

    def business(self, business, category, town) -> Card:
        """A business's card: its name, category and town on the region's colours.

        One card for both languages (the category in both when they differ, as on a
        bilingual sign): half the cards to draw and to publish.
        """
        labels = dict.fromkeys(category[lang] for lang in routes.LANGUAGES) if category else {}
        where = " · ".join(part for part in (" / ".join(labels), town.name if town else "")
                           if part)
        return self._flat(title=business.name, subtitle=where,
                          eyebrow=self.settings.get("SITENAME", ""))

    def story(self, story) -> Card:
        """A story's card: its title on its cover, or with its summary when it has none."""
        cover, name = getattr(story, "cover", None), self.settings.get("SITENAME", "")
        if cover:
            return self._on_cover(cover, title=story.title, eyebrow=name)
        return self._flat(title=story.title, subtitle=getattr(story, "summary", "") or "",
                          eyebrow=name)

    def window(self, intro, audience: str, lang: str) -> Card:
        """A window's card: its promise on its cover, or on its audience's colour."""
        meta = intro.metadata
        texts = {"title": meta.get("promise") or intro.summary or intro.title,
                 "eyebrow": intro.title}
        if meta.get("cover"):
            return self._on_cover(meta["cover"], **texts)
        return self._flat((audience, "#0b5563"), **texts)

    def default(self, lang: str) -> Card:
        """The card of every other page: the site's name and tagline."""
        tagline = (self.settings.get("SITE_TAGLINE") or {}).get(lang, "")
        return self._flat(("brand", "#0b5563"), title=self.settings.get("SITENAME", ""),
                          subtitle=tagline, eyebrow=self.settings.get("REGION", ""))

    def for_page(self, ctx) -> Card:
        """Choose a page's card from what its template shows."""
        lang = ctx.get("lang") or self.settings.get("DEFAULT_LANG", "fr")
        if ctx.get("article"):
            return self.story(ctx["article"])
        business = ctx.get("business")
        if business is not None and hasattr(business, "sources"):
            return self.business(business, ctx.get("category"), ctx.get("town"))
        if ctx.get("intro") is not None and ctx.get("audience") in routes.AUDIENCES:
            return self.window(ctx["intro"], ctx["audience"], lang)
        return self.default(lang)

    def plan(self, card: Card) -> dict:
        """Remember a card to draw; return what the meta tags need."""
        name = share_cards.file_name(card)
        self.planned[name] = card
        return {"url": f"{self.base}/{name}", "width": share_cards.WIDTH,
                "height": share_cards.HEIGHT, "alt": card.alt,
                "type": "image/jpeg" if card.cover else "image/png"}


def start(pelican) -> None:
    """Check the settings once and start the build's plan; put the drawing in page keys."""
    options = share_settings(pelican.settings)
    _BUILD.clear()
    if options["enabled"]:
        _BUILD["cards"] = cards = Cards(pelican.settings)
        # cached pages name their card: a new drawing or colour must render them again
        pelican.settings["SHARE_CARDS_DRAWN"] = (share_cards.drawing_version()[:16],
                                                 sorted(cards.colours.items()))


def install(generator) -> None:
    """Add share_card() to the templates of a generator."""
    @pass_context
    def share_card(ctx):
        cards = _BUILD.get("cards")
        return cards.plan(cards.for_page(ctx)) if cards else None

    generator.env.globals["share_card"] = share_card


def _plan_known(cards: Cards) -> None:
    """Plan the cards of every story and business: reused pages do not ask for theirs."""
    context = _BUILD.get("context", {})
    for story in all_stories(context.get("articles", [])):
        cards.plan(cards.story(story))
    directory = context.get("directory")
    if directory is not None:  # business pages are rendered (or reused) by workers
        categories, towns = directory.taxonomy.categories, directory.territory.municipalities
        for business in directory.businesses:
            cards.plan(cards.business(business, categories.get(business.category),
                                      towns.get(business.municipality)))


def write_all(pelican) -> None:
    """Draw the cards not cached yet and put every planned card in the output."""
    cards = _BUILD.get("cards")
    if cards is None:
        return
    started = time.perf_counter()
    _plan_known(cards)
    options = cards.options
    drawn = share_cards.make_missing(list(cards.planned.values()), cards.cache,
                                     options["workers"] or share_cards.default_workers(),
                                     options["quality"])
    folder = Path(pelican.settings["OUTPUT_PATH"]) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name in cards.planned:
        link_or_copy(os.path.join(cards.cache, name), os.path.join(folder, name))
    log.info("share cards: %d in the output, %d drawn, in %.1f s",
             len(cards.planned), drawn, time.perf_counter() - started)


def replace_cards(preview, updates, directory, output) -> None:
    """Draw the cards of businesses a live preview edited in place; drop their old cards."""
    cards = _BUILD.get("cards")
    if cards is None:
        return
    folder, cache = Path(output) / FOLDER, cards.cache
    categories, towns = directory.taxonomy.categories, directory.territory.municipalities

    def name(business) -> str:
        return share_cards.file_name(cards.business(
            business, categories.get(business.category), towns.get(business.municipality)))

    for old, new in updates:
        before, after = name(old), name(new)
        if before == after:
            continue
        share_cards.make_missing([cards.business(new, categories.get(new.category),
                                                 towns.get(new.municipality))], cache)
        if not (folder / after).exists():
            link_or_copy(cache / after, folder / after)
        if not any(name(b) == before for b in directory.businesses if b.name == old.name):
            (folder / before).unlink(missing_ok=True)


def keep_context(generator) -> None:
    """Keep the build's shared context: the merged directory is read from it at the end."""
    _BUILD["context"] = generator.context


def register():
    """Connect settings, template helpers and drawing to the build."""
    signals.initialized.connect(start)  # checks SHARE_CARDS once, starts the plan
    signals.generator_init.connect(install)  # templates call share_card()
    signals.generator_init.connect(keep_context)  # the directory, for its business cards
    signals.finalized.connect(write_all)  # the rest, once every page has named its card
    businesses_replaced.connect(replace_cards)  # a live preview's edit of a business's name
