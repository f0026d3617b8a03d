"""Public survey pages (form, kiosk, thank-you) and the kiosk device and refusal pages.

The citizens' pages need no login and no JavaScript: a plain POST, a 303 to the thank-you page
on success. They carry no CSRF cookie: nobody is signed in whose rights a forged post could
borrow, and the signed one-time form token already ties a post to a form this server issued.
Every page with a token is `Cache-Control: no-store`, so a back button never shows a used
form or a previous citizen's answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import require
from kinerja.core.middleware import client_ip_from
from kinerja.organization.models import ServiceUnit
from kinerja.surveys.models import Channel, RefusalReason, SubmissionRefusal
from kinerja.surveys.permissions import can_manage_unit_survey
from kinerja.surveys.protection import (
    KIOSK_COOKIE,
    KIOSK_COOKIE_MAX_AGE,
    RELOAD_MESSAGE,
    TOKEN_REASONS,
    SubmissionRefused,
    form_token_issue,
    kiosk_cookie_valid,
)
from kinerja.surveys.public_forms import form_page
from kinerja.surveys.selectors import (
    service_unit_get_for_actor,
    service_unit_public_form_get,
    service_unit_public_form_get_cached,
    service_unit_public_get,
)
from kinerja.surveys.services.responses import (
    KIOSK_REFUSAL,
    kiosk_device_activate,
    response_submit,
)

SUBMITTED_FIELDS = (
    "token",
    "website",
    "service",
    "u1",
    "u2",
    "u3",
    "u4",
    "u5",
    "u6",
    "u7",
    "u8",
    "u9",
    "gender",
    "age",
    "education",
    "occupation",
    "suggestion",
)
KIOSK_RETURN_SECONDS = 5
REFUSAL_DAYS = 30


def _no_store(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
    return response


def _kiosk_cookie_path(unit: ServiceUnit) -> str:
    return reverse("survey_public:form", kwargs={"slug": unit.slug})


def _is_kiosk_device(request: HttpRequest, unit: ServiceUnit) -> bool:
    return kiosk_cookie_valid(request.COOKIES.get(KIOSK_COOKIE), service_unit_id=unit.pk)


def _form_render(
    request: HttpRequest,
    unit: ServiceUnit,
    *,
    kiosk: bool,
    services: dict[int, str],
    token: str,
    data: dict[str, str] | None = None,
    errors: dict[str, list[str]] | None = None,
    notice: str = "",
    status: int = 200,
) -> HttpResponse:
    page = form_page(token=token, services=services, data=data, errors=errors, notice=notice)
    template = "surveys/public/kiosk.html" if kiosk else "surveys/public/form.html"
    context = {"unit": unit, "form": page, "kiosk": kiosk}
    return _no_store(render(request, template, context, status=status))


TOKEN_SLOT = "skm-token-slot-3f9c2a"  # noqa: S105 (a placeholder, not a secret)
"""Stands for the token in a rendered empty form (never part of a real page)."""
EMPTY_FORMS_MAX = 256
_empty_forms: dict[tuple[object, ...], tuple[bytes, bytes]] = {}


def _empty_form(
    request: HttpRequest, unit: ServiceUnit, *, kiosk: bool, services: dict[int, str]
) -> HttpResponse:
    """The form as every citizen first sees it, with a fresh token. The page is the same for
    every citizen of a unit, so it is rendered once per process for each set of what it shows
    (unit name and address, its active services, kiosk or not: the key holds all of them, so a
    change shows at once) and only the token is put in per request."""
    key = (kiosk, unit.pk, unit.name, unit.slug, tuple(services.items()))
    parts = _empty_forms.get(key)
    if parts is None:
        page = _form_render(request, unit, kiosk=kiosk, services=services, token=TOKEN_SLOT)
        head, slot, tail = page.content.partition(TOKEN_SLOT.encode())
        if not slot or TOKEN_SLOT.encode() in tail:
            raise RuntimeError("the form template must show the token exactly once")
        if len(_empty_forms) >= EMPTY_FORMS_MAX:
            _empty_forms.clear()
        parts = _empty_forms[key] = (head, tail)
    token = form_token_issue(service_unit_id=unit.pk)  # URL-safe: nothing to escape
    return _no_store(HttpResponse(b"".join((parts[0], token.encode(), parts[1]))))


def _survey_page(request: HttpRequest, slug: str, *, kiosk: bool) -> HttpResponse:
    if request.method == "POST":
        unit, services = service_unit_public_form_get(slug=slug)
    else:  # the empty form may be a few seconds behind; what is sent is checked afresh
        unit, services = service_unit_public_form_get_cached(slug=slug)
    if not unit.is_active:
        return render(request, "surveys/public/closed.html", {"unit": unit})
    if request.method != "POST":
        return _empty_form(request, unit, kiosk=kiosk, services=services)
    data = {name: request.POST.get(name, "") for name in SUBMITTED_FIELDS}
    try:
        response_submit(
            service_unit=unit,
            fields=data,
            channel=Channel.KIOSK if kiosk else Channel.ONLINE,
            client_ip=client_ip_from(request),
            kiosk_device=kiosk and _is_kiosk_device(request, unit),
            services=services,
        )
    except ValidationError as error:
        # The token was checked before the answers and is still unused: keep it, so that
        # the minimum fill time does not start again.
        return _form_render(
            request, unit, kiosk=kiosk, services=services, token=data["token"],
            data=data, errors=error.message_dict,
        )  # fmt: skip
    except SubmissionRefused as refusal:
        if refusal.reason == RefusalReason.RATE_LIMIT:
            context = {"unit": unit, "message": refusal.message, "kiosk": kiosk}
            return _no_store(render(request, "surveys/public/busy.html", context, status=429))
        token = form_token_issue(service_unit_id=unit.pk)
        if refusal.reason in TOKEN_REASONS:
            return _form_render(
                request, unit, kiosk=kiosk, services=services, token=token, data=data,
                notice=RELOAD_MESSAGE,
            )  # fmt: skip
        # DUPLICATE: already received; an empty form, in case they meant another service.
        return _form_render(
            request, unit, kiosk=kiosk, services=services, token=token, notice=refusal.message
        )
    thanks = reverse("survey_public:thanks", kwargs={"slug": unit.slug})
    return HttpResponseRedirect(f"{thanks}?kios=1" if kiosk else thanks, status=303)


@login_not_required
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def survey_form(request: HttpRequest, slug: str) -> HttpResponse:
    return _survey_page(request, slug, kiosk=False)


@login_not_required
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def survey_kiosk(request: HttpRequest, slug: str) -> HttpResponse:
    return _survey_page(request, slug, kiosk=True)


@login_not_required
@require_GET
def survey_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    unit = service_unit_public_get(slug=slug)
    kiosk = request.GET.get("kios") == "1"
    view = "survey_public:kiosk" if kiosk else "survey_public:form"
    context = {
        "unit": unit,
        "kiosk": kiosk,
        "again_url": reverse(view, kwargs={"slug": unit.slug}),
        "return_seconds": KIOSK_RETURN_SECONDS,
    }
    return _no_store(render(request, "surveys/public/thanks.html", context))


# --- staff pages -------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def kiosk_activate(request: HttpRequest, slug: str) -> HttpResponse:
    """Register this browser (the counter's tablet) as a kiosk of the unit: a signed cookie,
    sent only to the unit's public pages, that gives it the kiosk rate limit."""
    actor = request_actor(request)
    unit = service_unit_get_for_actor(actor=actor, slug=slug)
    require(can_manage_unit_survey(actor, unit), KIOSK_REFUSAL)
    if request.method == "POST":
        value = kiosk_device_activate(actor=actor, service_unit=unit)
        context = {"unit": unit, "done": True}
        response = render(request, "surveys/kiosk_activate.html", context)
        response.set_cookie(
            KIOSK_COOKIE,
            value,
            max_age=KIOSK_COOKIE_MAX_AGE,
            path=_kiosk_cookie_path(unit),
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
        return response
    context = {"unit": unit, "done": False}
    return render(request, "surveys/kiosk_activate.html", context)


@dataclass(frozen=True)
class RefusalRow:
    day: date
    reason: str
    count: int


@require_GET
def refusal_list(request: HttpRequest, slug: str) -> HttpResponse:
    unit = service_unit_get_for_actor(actor=request_actor(request), slug=slug)
    today = timezone.localdate()
    since = today - timedelta(days=REFUSAL_DAYS - 1)
    labels = {str(value): str(label) for value, label in RefusalReason.choices}
    rows = [
        RefusalRow(day=day, reason=labels.get(reason, reason), count=count)
        for day, reason, count in SubmissionRefusal.objects.filter(
            service_unit=unit, day__gte=since, count__gt=0
        )
        .order_by("-day", "-count", "reason")
        .values_list("day", "reason", "count")
    ]
    per_reason: dict[str, int] = {}
    for row in rows:
        per_reason[row.reason] = per_reason.get(row.reason, 0) + row.count
    context = {
        "unit": unit,
        "rows": rows,
        "per_reason": sorted(per_reason.items(), key=lambda item: -item[1]),
        "total": sum(per_reason.values()),
        "since": since,
    }
    return render(request, "surveys/refusals.html", context)
