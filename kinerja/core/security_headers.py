"""Headers every dynamic answer carries: the Content-Security-Policy and Cache-Control.

- Content-Security-Policy (`settings.CONTENT_SECURITY_POLICY`): scripts, stylesheets, images,
  fonts and requests only from our own origin. No inline script anywhere; `<style>` elements
  are not allowed either (htmx's indicator styles are switched off by the `htmx-config` meta
  tag in base.html and live in site.css; charts get their style from charts.css). Style
  *attributes* are allowed (`style-src-attr 'unsafe-inline'`): they cannot run code or load
  anything, and a progress bar's width or a tree's indentation is data. `img-src` also allows
  `data:` because Bootstrap's own stylesheet draws its icons (menu, close, select arrow) as
  data-URI SVGs.
- Cache-Control: `no-store` on every page and API answer that did not choose its own, because
  almost every one of them carries personal data (a shared office computer or a proxy must
  not keep a copy). Static files are served by WhiteNoise before this middleware runs and keep
  their long-lived caching.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = str(getattr(settings, "CONTENT_SECURITY_POLICY", "") or "")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy
        if "Cache-Control" not in response:
            response["Cache-Control"] = "no-store"
        return response
