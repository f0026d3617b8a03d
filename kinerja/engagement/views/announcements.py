"""Announcement pages: mine (/pengumuman/), one (opening it marks it read), the receipt POST
from the home page, the manage list, the form, publishing and the read rates per agency. Thin:
the selectors read and authorise, the services write and refuse."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.accounts import permissions as account_permissions
from kinerja.accounts.actors import request_actor
from kinerja.core.charts import bar_chart_svg
from kinerja.core.form_fields import DateFieldID
from kinerja.engagement.markdown import markdown_to_html
from kinerja.engagement.models import Announcement, Audience, AudienceRole
from kinerja.engagement.permissions import can_manage_announcements, can_read_rates
from kinerja.engagement.selectors.announcements import (
    ReadRates,
    announcement_get_for_actor,
    announcement_list_for_actor,
    announcement_manage_list_for_actor,
    announcement_may_manage,
    audience_words,
    read_rate_per_announcement,
    read_rates_for_actor,
)
from kinerja.engagement.services import announcements as services
from kinerja.organization.models import Agency, Unit
from kinerja.people.forms import bootstrap_widgets
from kinerja.scoring.formatting import format_percent

PAGE_SIZE = 20
NOT_MANAGER = "Hanya Admin BKPSDM dan Admin OPD yang mengelola pengumuman."


def detail_url(announcement: Announcement) -> str:
    return reverse("engagement:announcement_detail", kwargs={"announcement_id": announcement.pk})


class AnnouncementForm(forms.Form):
    title = forms.CharField(label="Judul", max_length=150)
    body = forms.CharField(
        label="Isi",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Markdown: **tebal**, *miring*, daftar dengan tanda -, tautan [teks](alamat).",
    )
    audience = forms.ChoiceField(label="Sasaran", choices=Audience.choices)
    agency = forms.ModelChoiceField(
        label="Perangkat daerah", queryset=Agency.objects.none(), required=False,
        help_text="Untuk sasaran satu perangkat daerah.",
    )  # fmt: skip
    unit = forms.ModelChoiceField(
        label="Unit kerja", queryset=Unit.objects.none(), required=False,
        help_text="Untuk sasaran satu unit kerja (termasuk sub-unitnya).",
    )  # fmt: skip
    role = forms.ChoiceField(
        label="Peran", required=False, choices=[("", "—"), *AudienceRole.choices],
        help_text="Untuk sasaran satu peran.",
    )  # fmt: skip
    is_important = forms.BooleanField(label="Penting (tampil paling atas)", required=False)
    expires_on = DateFieldID(
        label="Berlaku sampai", required=False,
        help_text="Kosongkan bila tidak berakhir. Contoh: 31-12-2026.",
    )  # fmt: skip

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scope = account_permissions.managed_agency_id(actor)
        agencies = Agency.objects.order_by("name")
        units = Unit.objects.select_related("agency").order_by("agency__name", "name")
        audience = self.fields["audience"]
        assert isinstance(audience, forms.ChoiceField)
        if scope is not None:
            agencies = agencies.filter(pk=scope)
            units = units.filter(agency_id=scope)
            audience.choices = [
                (value, label)
                for value, label in Audience.choices
                if value in (Audience.AGENCY, Audience.UNIT)
            ]
        agency = self.fields["agency"]
        unit = self.fields["unit"]
        assert isinstance(agency, forms.ModelChoiceField)
        assert isinstance(unit, forms.ModelChoiceField)
        agency.queryset = agencies
        unit.queryset = units
        unit.label_from_instance = lambda item: f"{item.name} — {item.agency.name}"  # type: ignore[method-assign,assignment]
        bootstrap_widgets(self)
        self.fields["is_important"].widget.attrs["class"] = "form-check-input"

    def add_service_errors(self, error: ValidationError) -> None:
        for field, found in error.message_dict.items():
            target = field if field in self.fields else None
            for message in found:
                self.add_error(target, message)


def _initial(announcement: Announcement) -> dict[str, Any]:
    return {
        "title": announcement.title,
        "body": announcement.body,
        "audience": announcement.audience,
        "agency": announcement.agency_id,
        "unit": announcement.unit_id,
        "role": announcement.role,
        "is_important": announcement.is_important,
        "expires_on": announcement.expires_on,
    }


# --- mine ----------------------------------------------------------------------------------


@require_GET
def announcement_list(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    rows = announcement_list_for_actor(actor=actor)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("halaman"))
    context = {
        "page": page,
        "rows": [
            {
                "title": item.title,
                "url": detail_url(item),
                "is_read": item.is_read,
                "is_important": item.is_important,
                "published_at": item.published_at,
            }
            for item in page.object_list
        ],
        "query": "",
        "may_manage": can_manage_announcements(actor),
    }
    return render(request, "engagement/announcements/list.html", context)


@require_GET
def announcement_detail(request: HttpRequest, announcement_id: int) -> HttpResponse:
    """Opening an announcement addressed to me marks it read."""
    actor = request_actor(request)
    announcement = announcement_get_for_actor(actor=actor, announcement_id=announcement_id)
    may_manage = announcement_may_manage(actor, announcement)
    if announcement.published_at is not None:
        services.announcement_mark_read(actor=actor, announcement=announcement)
    context = {
        "announcement": announcement,
        "body_html": markdown_to_html(announcement.body),
        "audience": audience_words(announcement),
        "may_manage": may_manage,
        "may_read_rates": may_manage
        or can_read_rates(actor, account_permissions.managed_agency_id(actor)),
    }
    return render(request, "engagement/announcements/detail.html", context)


@require_POST
def announcement_read(request: HttpRequest, announcement_id: int) -> HttpResponse:
    """ "Tandai sudah dibaca" from the home page: keep the receipt, back to the home page."""
    actor = request_actor(request)
    announcement = announcement_get_for_actor(actor=actor, announcement_id=announcement_id)
    services.announcement_mark_read(actor=actor, announcement=announcement)
    messages.success(request, f"Pengumuman “{announcement.title}” ditandai sudah dibaca.")
    return redirect("core:home")


# --- managing ------------------------------------------------------------------------------


@require_GET
def announcement_manage(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    rows = announcement_manage_list_for_actor(actor=actor)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("halaman"))
    items = list(page.object_list)
    rates = read_rate_per_announcement(items)
    context = {
        "page": page,
        "query": "",
        "rows": [
            {
                "title": item.title,
                "url": detail_url(item),
                "edit_url": reverse(
                    "engagement:announcement_edit", kwargs={"announcement_id": item.pk}
                ),
                "rates_url": reverse(
                    "engagement:announcement_rates", kwargs={"announcement_id": item.pk}
                ),
                "publish_url": reverse(
                    "engagement:announcement_publish", kwargs={"announcement_id": item.pk}
                ),
                "published_at": item.published_at,
                "audience": audience_words(item),
                "is_important": item.is_important,
                "read": rates[item.pk].read,
                "size": rates[item.pk].audience,
                "rate": format_percent(rates[item.pk].rate, 1),
            }
            for item in items
        ],
    }
    return render(request, "engagement/announcements/manage.html", context)


@require_http_methods(["GET", "POST"])
def announcement_edit(request: HttpRequest, announcement_id: int | None = None) -> HttpResponse:
    actor = request_actor(request)
    announcement = (
        announcement_get_for_actor(actor=actor, announcement_id=announcement_id)
        if announcement_id
        else None
    )
    allowed = (
        announcement_may_manage(actor, announcement)
        if announcement
        else can_manage_announcements(actor)
    )
    account_permissions.require(allowed, NOT_MANAGER)
    initial = _initial(announcement) if announcement else {"audience": Audience.AGENCY}
    form = AnnouncementForm(request.POST or None, initial=initial, actor=actor)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {
            "title": data["title"],
            "body": data["body"],
            "audience": data["audience"],
            "agency": data["agency"],
            "unit": data["unit"],
            "role": data["role"] or "",
            "is_important": data["is_important"],
            "expires_on": data["expires_on"],
        }
        try:
            saved = (
                services.announcement_update(actor=actor, announcement=announcement, **fields)
                if announcement
                else services.announcement_create(actor=actor, **fields)
            )
        except ValidationError as error:
            form.add_service_errors(error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Pengumuman “{saved.title}” disimpan.")
            return redirect(detail_url(saved))
    context = {
        "form": form,
        "announcement": announcement,
        "title": f"Ubah pengumuman “{announcement.title}”" if announcement else "Pengumuman baru",
    }
    status = 400 if form.errors else 200
    return render(request, "engagement/announcements/form.html", context, status=status)


@require_POST
def announcement_publish(request: HttpRequest, announcement_id: int) -> HttpResponse:
    actor = request_actor(request)
    announcement = announcement_get_for_actor(actor=actor, announcement_id=announcement_id)
    account_permissions.require(announcement_may_manage(actor, announcement), NOT_MANAGER)
    try:
        services.announcement_publish(actor=actor, announcement=announcement)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"Pengumuman “{announcement.title}” diterbitkan.")
    return redirect(detail_url(announcement))


def _chart(rates: ReadRates) -> dict[str, Any]:
    labels = [row.agency_name for row in rates.rows]
    values = [round(row.rate * 100, 1) for row in rates.rows]
    return {
        "title": "Tingkat baca per perangkat daerah (%)",
        "summary": (
            f"{rates.total.read} dari {rates.total.audience} penerima sudah membaca "
            f"({format_percent(rates.total.rate, 1)})."
        ),
        "svg": bar_chart_svg(
            title="Tingkat baca per perangkat daerah (%)",
            labels=labels,
            values=values,
            series_name="Tingkat baca",
            horizontal=True,
        )
        if rates.rows
        else "",
        "data": [(row.agency_name, format_percent(row.rate, 1)) for row in rates.rows],
    }


@require_GET
def announcement_rates(request: HttpRequest, announcement_id: int) -> HttpResponse:
    actor = request_actor(request)
    announcement = announcement_get_for_actor(actor=actor, announcement_id=announcement_id)
    rates = read_rates_for_actor(actor=actor, announcement=announcement)
    context = {
        "announcement": announcement,
        "audience": audience_words(announcement),
        "rows": [
            {
                "name": row.agency_name,
                "audience": row.audience,
                "read": row.read,
                "rate": format_percent(row.rate, 1),
            }
            for row in rates.rows
        ],
        "total": {
            "audience": rates.total.audience,
            "read": rates.total.read,
            "rate": format_percent(rates.total.rate, 1),
        },
        "chart": _chart(rates),
    }
    return render(request, "engagement/announcements/rates.html", context)
