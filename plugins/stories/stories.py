"""Read editors' Markdown with YAML front matter and check what the stories point to."""

from __future__ import annotations

import logging
from functools import cached_property
from pathlib import Path

from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader

from vitrine import frontmatter
from vitrine.jsonld import public_url, script_json, story_jsonld
from vitrine.problem_language import in_language, site_language
from vitrine.safe_markdown import DEFAULT_EMBED_HOSTS, EmbedAllowList, SafeMarkdown

from .page_writer import get_writer, save_keys

log = logging.getLogger(__name__)
_REPORTED: set[str] = set()  # content-relative paths whose problems we already logged


class _AlreadyReported(logging.Filter):
    """Drop Pelican's bare "Could not process" for files whose problems we logged in full."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.msg == "Could not process %s" and record.args
                    and str(record.args[0]) in _REPORTED)


class InvalidContent(Exception):
    """A content file whose front matter did not validate (already reported)."""


class FrontMatterReader(MarkdownReader):
    """Markdown reader taking YAML front matter, validated against the story or page schema."""

    def read(self, source_path):
        """Return (html, metadata) or raise InvalidContent after logging every problem."""
        self._source_path = source_path
        root = Path(self.settings["PATH"]).resolve().parent
        shown = _relative(Path(source_path).resolve(), root)
        is_story = "/stories/" in f"/{shown}"
        record = frontmatter.record_for(shown)
        raw = Path(source_path).read_bytes()
        parsed = frontmatter.read(raw, shown, record)
        if parsed.meta is None and not parsed.problems:
            log.info("%s: empty (a translation not written yet), skipped", shown)
            _REPORTED.add(Path(source_path).resolve().relative_to(
                Path(self.settings["PATH"]).resolve()).as_posix())
            raise InvalidContent(shown)
        if parsed.problems:
            lang = site_language(self.settings)
            log.warning("%s", "\n".join(in_language(p, lang) for p in sorted(parsed.problems)))
            _REPORTED.add(Path(source_path).resolve().relative_to(
                Path(self.settings["PATH"]).resolve()).as_posix())
            raise InvalidContent(shown)
        markdown = self._converter
        html = markdown.reset().convert(parsed.body)
        if markdown.refused_embeds:
            first_body_line = raw.count(b"\n") - parsed.body.count("\n")
            for number, problem in markdown.refused_embeds:
                log.warning("%s:%d: %s", shown, first_body_line + number, problem)
        return html, self._metadata(parsed.meta, is_story)

    @cached_property
    def _converter(self) -> Markdown:
        """One converter per reader, reset between files: making one costs 0.4 ms a story."""
        config = dict(self.settings["MARKDOWN"])
        hosts = self.settings.get("MARKDOWN_EMBED_HOSTS", DEFAULT_EMBED_HOSTS)
        config["extensions"] = [*config.get("extensions", []), SafeMarkdown(),
                                EmbedAllowList(hosts=hosts)]
        return Markdown(**config)

    def _metadata(self, meta: dict, is_story: bool) -> dict:
        out = {k: v for k, v in meta.items() if v is not None and k not in ("date", "author")}
        if is_story:
            out["audiences"] = out.pop("audience")
            out["date"] = self.process_metadata("date", meta["date"].isoformat())
            out["author"] = self.process_metadata("author", meta.get("author") or
                                                  self.settings.get("AGENCY") or
                                                  self.settings["SITENAME"])
            out["template"] = "story"
        else:
            out.setdefault("key", Path(self._source_path or "x").stem.split(".")[0])
        return out


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def use_front_matter_reader(readers) -> None:
    """Read .md files with our reader."""
    for ext in FrontMatterReader.file_extensions:
        readers.reader_classes[ext] = FrontMatterReader


def check_covers(generator) -> None:
    """Warn about stories whose cover image does not exist."""
    content = Path(generator.settings["PATH"])
    for story in generator.articles + generator.translations:
        cover = getattr(story, "cover", None)
        if cover and not (content / cover).is_file():
            log.warning("%s: cover: expected an image under content/, got %r (file not found)",
                        story.relative_source_path, cover)
            story.cover = None


def quiet_duplicate_errors(pelican) -> None:
    """Install the filter once per build; a bad story is a warning, not an error."""
    _REPORTED.clear()
    generators_log = logging.getLogger("pelican.generators")
    if not any(isinstance(f, _AlreadyReported) for f in generators_log.filters):
        generators_log.addFilter(_AlreadyReported())


def install_jsonld(generator) -> None:
    """Give templates story_jsonld(article), serialised for a <script> data block."""
    settings = generator.settings

    def jsonld(story):
        return script_json(story_jsonld(story, public_url(settings),
                                        settings.get("AGENCY", settings["SITENAME"])))

    generator.env.globals["story_jsonld"] = jsonld


def register():
    """Connect the reader and the cover check."""
    signals.generator_init.connect(install_jsonld)  # structured data for search engines
    signals.initialized.connect(quiet_duplicate_errors)  # our warning says it all
    signals.readers_init.connect(use_front_matter_reader)  # YAML front matter, our schema
    signals.article_generator_finalized.connect(check_covers)  # a missing image is reported
    signals.get_writer.connect(get_writer)  # unchanged story pages are not rendered again
    signals.finalized.connect(save_keys)
