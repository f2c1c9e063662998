"""Run every audit on a built output and summarise it for a person."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vitrine.build import build

from .browser import PageReport, audit_pages
from .html import html_errors
from .lighthouse import CATEGORIES, LighthouseReport, lighthouse
from .links import BrokenLink, broken_links
from .pages import key_pages, template_pages
from .server import free_port, served

SHOWN = 10  # problems listed per section; the rest are counted


@dataclass
class Audit:
    """Findings of every gate on one built output."""

    pages: list[PageReport] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    links: list[BrokenLink] = field(default_factory=list)
    lighthouse: dict[str, LighthouseReport] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every gate passed."""
        return (all(p.ok for p in self.pages) and not self.html and not self.links
                and all(r.ok for r in self.lighthouse.values()))


def run_audit(output: Path, pages: list[str] | None = None, with_lighthouse: bool = True,
              port: int = 0) -> Audit:
    """Serve output and run axe/CSP, vnu, the link check and (optionally) Lighthouse."""
    audit = Audit(html=html_errors(output))
    with served(output, port) as base:
        audit.pages = audit_pages(base, pages or template_pages(output))
        audit.links = broken_links(base)
        if with_lighthouse:
            audit.lighthouse = {role: lighthouse(base + url)
                                for role, url in key_pages(output).items()}
    return audit


def audit_project(root: Path, settings_file: Path, workdir: Path, **options) -> Audit | None:
    """Build the project for a local origin (canonical URLs included) and audit it.

    Returns None when the build failed (its errors are logged).
    """
    port = free_port()
    built = build(root, workdir / "output", settings_file,
                  overrides={"PUBLIC_URL": f"http://127.0.0.1:{port}"})
    return run_audit(built.output, port=port, **options) if built.ok else None


def _listed(problems: list) -> list[str]:
    lines = [f"    {problem}" for problem in problems[:SHOWN]]
    if len(problems) > SHOWN:
        lines.append(f"    … and {len(problems) - SHOWN} more")
    return lines


def summary(audit: Audit) -> str:
    """A readable report: one line per gate, then the problems found."""
    bad_pages = [p for p in audit.pages if not p.ok]
    lines = [f"{'PASS' if not bad_pages else 'FAIL'}  browser: {len(audit.pages)} pages, "
             f"axe WCAG 2.1 A/AA, console errors, CSP violations, outside requests"]
    for page in bad_pages:
        lines.append(f"    {page.url} (HTTP {page.status})")
        lines += _listed([f"axe {rule}: {targets}" for rule, targets in page.violations]
                         + [f"console: {e}" for e in page.console_errors]
                         + [f"CSP: {v}" for v in page.csp_violations]
                         + [f"outside request: {u}" for u in page.outside_requests])
    lines.append(f"{'FAIL' if audit.html else 'PASS'}  vnu: {len(audit.html)} HTML errors")
    lines += _listed(audit.html)
    lines.append(f"{'FAIL' if audit.links else 'PASS'}  links: {len(audit.links)} broken "
                 "internal links or anchors")
    lines += _listed([str(link) for link in audit.links])
    if audit.lighthouse:
        passed = all(r.ok for r in audit.lighthouse.values())
        lines.append(f"{'PASS' if passed else 'FAIL'}  lighthouse (mobile): "
                     "performance >= 95, accessibility, best practices and SEO 100")
        lines.append(f"    {'page':<9} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5} "
                     f"{'weight':>9} {'no img':>9}  {'LCP':>6} {'TBT':>5}  url")
        for role, report in audit.lighthouse.items():
            scores = " ".join(f"{round((report.scores[c] or 0) * 100):>5}" for c in CATEGORIES)
            path = "/" + report.url.split("/", 3)[3]
            lines.append(
                f"    {role:<9} {scores} {report.weight_bytes / 1024:>6.1f} KB "
                f"{(report.weight_bytes - report.image_bytes) / 1024:>6.1f} KB  "
                f"{report.metrics['largest-contentful-paint']:>4} ms "
                f"{report.metrics['total-blocking-time']:>3} ms  {path}"
                + (f"  (best of {report.runs} runs)" if report.runs > 1 else ""))
            lines += _listed(report.failing_audits)
    lines.append("audit passed" if audit.ok else "audit FAILED")
    return "\n".join(lines)
