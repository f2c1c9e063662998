"""Pelican settings for the demo region; an agency's fork edits the top block."""

SITENAME = "Vitrine Abitibi-Témiscamingue"
SITE_TAGLINE = {"fr": "Investir, étudier, travailler, visiter", "en": "Invest, study, work, visit"}
AGENCY = "Agence d'attractivité de l'Abitibi-Témiscamingue (démo)"
SITEURL = ""  # root-relative links: the site works on any host, local or preview
# Where the site is published: canonical and hreflang URLs must be absolute.
PUBLIC_URL = "https://vitrine.example.org"
REGION = "Abitibi-Témiscamingue"
TIMEZONE = "America/Toronto"
DEFAULT_LANG = "fr"
DEMO_SITE = True  # shows the "people and businesses are fictional" notice in the footer
GIT_EDIT_URL = "https://git.example.org/agence/vitrine/-/edit/main/{path}#L{line}"

PATH = "content"
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["ui_strings", "stories", "responsive_images", "windows", "data_kinds", "digest",
           "business_pages", "propose", "partner_embeds", "sitemap_hreflang", "redirects", "search",
           "map_assets", "share_cards", "cms", "security_headers"]
# The web editor at /admin/: where it commits (make cms edits this checkout instead).
CMS = {"backend": "gitlab", "repo": "agence/vitrine", "branch": "main"}
DIRECTORY = {"per_page": 48, "window_sample": 8}  # a window also shows jobs, events, people
# "Propose a business or a correction" (/proposer/): no backend; the visitor's browser opens a
# pre-filled issue on the forge ({title}, {body}: URL-encoded) or an e-mail to the steward.
PROPOSE = {"issue_url": "https://git.example.org/agence/vitrine/-/issues/new"
                        "?issue[title]={title}&issue[description]={body}",
           "email": "repertoire@vitrine.example.org", "folder": "agence-vitrine"}

ARTICLE_PATHS = ["stories"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
ARTICLE_TRANSLATION_ID = "key"
PAGE_TRANSLATION_ID = "key"
ARTICLE_URL = "recits/{slug}/"
ARTICLE_SAVE_AS = "recits/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/stories/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/stories/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""

# Vitrine writes its own home pages, windows and feeds; Pelican's blog pages are off.
DIRECT_TEMPLATES = []
INDEX_SAVE_AS = ""
TAGS_SAVE_AS = ""
TAG_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
SLUGIFY_SOURCE = "title"
SLUG_REGEX_SUBSTITUTIONS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""),
                            (r"[-\s]+", "-")]
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.smarty": {"smart_quotes": False},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# Every value is escaped unless a template says otherwise (Pelican's default is off).
# auto_reload off: each build makes a fresh environment; no stat() of templates per page.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [],
                     "autoescape": True, "auto_reload": False}

RESPONSIVE_IMAGES = {"widths": [480, 960, 1440], "quality": 80}
