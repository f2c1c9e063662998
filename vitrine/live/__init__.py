"""Live previews: build once, then apply edits of business records to the output in place.

At 50,000 businesses a preview build takes 40 s, most of it on pages an edit of one record
does not touch. `vitrine serve --reload` keeps its last build in memory (preview.py); when
the only files that changed (watch.py) are business records (items.py) and the edit cannot
change which records are merged (records.py), where a business is listed or what stories
show of it, it renders the pages showing the edited businesses (windows and partners'
embeds included) and renames them into the output. Open data (each territory's too), the
browser's client data and the steward's report follow in a background process. Anything
else builds the preview again.
"""

from __future__ import annotations

from blinker import signal

directory_written = signal("vitrine-directory-written")  # sent with the directory generator
# sent with the preview, updates=[(old, new) businesses], directory=, output=, once their
# pages are in the output: what else shows a business (its share card) follows
businesses_replaced = signal("vitrine-businesses-replaced")


class NotInPlace(Exception):
    """Why a change cannot be applied in place: the preview is built again."""
