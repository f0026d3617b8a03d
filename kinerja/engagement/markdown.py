"""Markdown written by BKPSDM and Admin OPD (guides, announcements) to safe HTML.

Rendered by `markdown` and then cleaned by `nh3` (an allow-list of tags and attributes): a
script, an event handler, a `javascript:` link or an inline style never reaches the page,
whoever wrote the text. Links get `rel="noopener noreferrer"`.
"""

from __future__ import annotations

import markdown as md
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "dl", "dt", "em", "h2", "h3", "h4",
    "hr", "i", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr",
    "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}


def markdown_to_html(text: str) -> SafeString:
    """Sanitised HTML of a Markdown text (tables and fenced code allowed; headings start at
    h2, so that the page's own h1 stays the only one)."""
    html = md.markdown(text or "", extensions=["tables", "fenced_code", "sane_lists"])
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 above


def markdown_to_text(text: str) -> str:
    """The words of a Markdown text without its markup (for search excerpts)."""
    return nh3.clean(md.markdown(text or ""), tags=set()).strip()
