"""Load a whole project the way a build does: settings, stories and windows, the directory and
every kind of data of the registry; every problem at once, each at its file and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vitrine.content_check import ContentReport, check_content
from vitrine.directory import load_directory
from vitrine.directory.model import Directory
from vitrine.embeds.partners import load_partners
from vitrine.kinds import load_kinds
from vitrine.kinds.items import References, read_kind
from vitrine.problems import Problem
from vitrine.settings_schema import check_settings


@dataclass
class Project:
    """What a project is made of, and everything wrong with it."""

    settings: dict
    directory: Directory | None
    content: ContentReport
    items: dict[str, list] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_settings_file(root: Path, settings_file: Path | None) -> tuple[dict, Path | None]:
    """Pelican's settings of the project (its pelicanconf.py), or none if it has none."""
    from vitrine.build import pelican_settings

    path = settings_file or root / "pelicanconf.py"
    if not path.is_file():
        return {}, None
    return dict(pelican_settings(path, root, root / "output")), path


def load_project(root: Path, settings_file: Path | None = None) -> Project:
    """Read and check everything a build reads."""
    settings, path = read_settings_file(root, settings_file)
    problems = check_settings(settings, path) if settings else []
    directory = load_directory(root) if (root / "data").is_dir() else None
    towns = set(directory.territory.municipalities) if directory else None
    businesses = {b.slug for b in directory.businesses} if directory else None
    content = check_content(root, towns, businesses)
    problems += content.problems + (list(directory.problems) if directory else [])
    if directory:  # data/partners.yaml names territories of data/territory.yaml
        problems += load_partners(root, {*directory.territory.mrcs,
                                         *directory.territory.municipalities})[1]
    refs = References.of(directory, root / "content", settings.get("TIMEZONE"))
    items = {}
    for name, kind in load_kinds(settings.get("DATA_KINDS") or ()).items():
        if not kind.built_by_its_own_generator:
            items[name], found = read_kind(root, kind, refs)
            problems += found
    return Project(settings, directory, content, items, sorted(problems))
