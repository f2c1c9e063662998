"""Stories grouped by language, with their translations: shared by windows and directory."""

from __future__ import annotations

from vitrine import routes


def all_stories(articles) -> list:
    """Every story once: the originals and each of their translations."""
    seen, out = set(), []
    for article in articles:
        for story in [article, *getattr(article, "translations", [])]:
            if id(story) not in seen:
                seen.add(id(story))
                out.append(story)
    return out


def stories_by_lang(articles) -> dict[str, list]:
    """Collect every story per language, newest first."""
    out = {lang: [] for lang in routes.LANGUAGES}
    for story in all_stories(articles):
        if story.lang in out:
            out[story.lang].append(story)
    for stories in out.values():
        stories.sort(key=lambda s: (s.date, s.title), reverse=True)
    return out


def for_reader(stories: list, lang: str) -> list:
    """Stories a reader of lang should see: theirs, then untranslated ones of the other language."""
    own = [s for s in stories if s.lang == lang]
    others = [s for s in stories if s.lang != lang
              and not any(t.lang == lang for t in s.translations)]
    return own + others
