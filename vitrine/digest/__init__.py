"""Newsletter digests: what is new for an audience since a day, shared by `vitrine digest`
(an HTML e-mail, its text and a .eml) and the build (plugins/digest: the pages of each
audience's digest and its monthly archive)."""

from vitrine.digest.select import Digest, Story, issue, issues, select

__all__ = ["Digest", "Story", "issue", "issues", "select"]
