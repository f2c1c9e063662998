"""Each page in Chromium: axe-core's WCAG 2.1 A/AA rules, console errors, CSP violations."""

from __future__ import annotations

from dataclasses import dataclass, field

from .tools import AXE, CHROMIUM, CHROMIUM_FLAGS, require

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Injected before any page script: init scripts are not subject to the page's CSP, so the
# policy stays on and its violations are recorded.
RECORD_CSP = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`
  + ` (${e.sourceFile}:${e.lineNumber})`));"""


@dataclass
class PageReport:
    """What a visitor's browser met on one page."""

    url: str
    status: int = 0
    violations: list[tuple[str, list]] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the page loaded and nothing went wrong."""
        return self.status == 200 and not (self.violations or self.console_errors
                                           or self.csp_violations or self.outside_requests)


def audit_pages(base_url: str, urls: list[str]) -> list[PageReport]:
    """Open each URL in a fresh context with the site's CSP on; return what was found."""
    require(CHROMIUM, AXE)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            return [_audit_page(browser, base_url, url) for url in urls]
        finally:
            browser.close()


def _audit_page(browser, base_url: str, url: str) -> PageReport:
    report = PageReport(url)
    context = browser.new_context()
    context.add_init_script(RECORD_CSP)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.on("console", lambda m: report.console_errors.append(m.text)
            if m.type == "error" else None)
    page.on("pageerror", lambda e: report.console_errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith((base_url, "data:", "blob:"))
            else report.outside_requests.append(r.url))
    try:
        response = page.goto(base_url + url, wait_until="networkidle")
        report.status = response.status if response else 0
        result = page.evaluate("tags => axe.run(document, {runOnly: tags})", WCAG)
        report.violations = [(v["id"], [n["target"] for n in v["nodes"]])
                             for v in result["violations"]]
        report.csp_violations = page.evaluate("window.__cspViolations")
    finally:
        context.close()
    return report
