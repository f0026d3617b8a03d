"""Guides and FAQ (/bantuan/), the "Bantuan untuk halaman ini" link's target
(/bantuan/halaman/), the guide form (Admin BKPSDM), the first-login tour (/tur/) and the
socialisation hub (/sosialisasi/, Admin BKPSDM and Admin OPD)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.accounts.permissions import is_hr_admin, require
from kinerja.engagement.forms_guides import GuideForm, GuideSearchForm
from kinerja.engagement.markdown import markdown_to_html
from kinerja.engagement.models import Guide, GuideKind, TourSeen
from kinerja.engagement.pages import page_label, search_word_for
from kinerja.engagement.permissions import can_manage_announcements, can_write_guides
from kinerja.engagement.roles import audience_roles_of, main_role_of
from kinerja.engagement.selectors.guides import (
    guide_for_page,
    guide_get_for_actor,
    guide_list_for_actor,
    guide_search,
)
from kinerja.engagement.services.guides import (
    NOT_GUIDE_WRITER,
    guide_create,
    guide_update,
    tour_record,
)
from kinerja.engagement.tour import tour_steps_for

NOT_HUB_READER = "Halaman Sosialisasi hanya untuk Admin BKPSDM dan Admin OPD."
VIEW_NAME_MAX = 100


# --- guides and FAQ ---------------------------------------------------------------------------


@require_GET
def guide_index(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    form = GuideSearchForm(request.GET or None)
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    roles = [str(role) for role in audience_roles_of(actor)]
    context: dict[str, Any] = {"form": form, "q": q, "may_write": can_write_guides(actor)}
    if q:
        context["hits"] = guide_search(actor=actor, q=q)
    else:
        guides = guide_list_for_actor(actor=actor)
        own = [g for g in guides if g.kind == GuideKind.GUIDE and g.role and g.role in roles]
        own.sort(key=lambda g: roles.index(g.role))
        context["own_guides"] = own
        context["other_guides"] = [g for g in guides if g.kind == GuideKind.GUIDE and g not in own]
        context["faqs"] = [
            {"guide": g, "html": markdown_to_html(g.body)}
            for g in guides
            if g.kind == GuideKind.FAQ
        ]
    return render(request, "engagement/guides/index.html", context)


def _page_links(guide: Guide) -> list[dict[str, str]]:
    links = []
    for name in guide.page_names:
        try:
            url = reverse(name)
        except NoReverseMatch:  # a page of one record: named, not linked
            continue
        links.append({"url": url, "label": page_label(name) or url})
    return links


@require_GET
def guide_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request_actor(request)
    guide = guide_get_for_actor(actor=actor, slug=slug)
    context = {
        "guide": guide,
        "body_html": markdown_to_html(guide.body),
        "page_links": _page_links(guide),
        "may_write": can_write_guides(actor),
    }
    return render(request, "engagement/guides/detail.html", context)


@require_GET
def help_for_page(request: HttpRequest) -> HttpResponse:
    """The "Bantuan untuk halaman ini" link: 302 to the guide of the page for the user's role,
    else to a search with a message."""
    actor = request_actor(request)
    view_name = request.GET.get("halaman", "").strip()[:VIEW_NAME_MAX]
    guide = guide_for_page(view_name=view_name, roles=audience_roles_of(actor))
    if guide is not None:
        return redirect("engagement:guide_detail", slug=guide.slug)
    messages.info(
        request,
        "Belum ada panduan khusus untuk halaman itu; berikut hasil pencarian yang mungkin "
        "membantu.",
    )
    word = search_word_for(view_name) if view_name else ""
    index = reverse("engagement:guide_index")
    return redirect(f"{index}?{urlencode({'q': word})}" if word else index)


def _guide_initial(guide: Guide) -> dict[str, Any]:
    return {
        "title": guide.title,
        "slug": guide.slug,
        "kind": guide.kind,
        "role": guide.role,
        "summary": guide.summary,
        "body": guide.body,
        "pages": guide.pages,
        "order": guide.order,
        "is_published": guide.is_published,
    }


@require_http_methods(["GET", "POST"])
def guide_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """New guide (no slug) or a change; after saving, back here with the sanitised preview."""
    actor = request_actor(request)
    require(can_write_guides(actor), NOT_GUIDE_WRITER)
    guide = guide_get_for_actor(actor=actor, slug=slug) if slug else None
    initial = _guide_initial(guide) if guide else {"kind": GuideKind.GUIDE, "order": 100}
    form = GuideForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {
            "slug": data["slug"], "title": data["title"], "kind": data["kind"],
            "role": data["role"], "summary": data["summary"], "body": data["body"],
            "pages": data["pages"], "order": data["order"], "is_published": data["is_published"],
        }  # fmt: skip
        try:
            if guide is None:
                saved = guide_create(actor=actor, **fields)
            else:
                saved = guide_update(actor=actor, guide=guide, **fields)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Panduan “{saved.title}” disimpan. Pratinjaunya di bawah.")
            return redirect("engagement:guide_edit", slug=saved.slug)
    context = {
        "form": form,
        "guide": guide,
        "title": f"Ubah panduan “{guide.title}”" if guide else "Tulis panduan baru",
        "preview_html": markdown_to_html(guide.body) if guide else "",
    }
    return render(
        request, "engagement/guides/form.html", context, status=400 if form.errors else 200
    )


# --- the first-login tour ---------------------------------------------------------------------


@require_GET
def tour(request: HttpRequest, step: int = 1) -> HttpResponse:
    actor = request_actor(request)
    role = main_role_of(actor)
    steps = tour_steps_for(role)
    if not 1 <= step <= len(steps):
        raise Http404("Langkah tur tidak ada.")
    assert role is not None
    if step == 1:
        tour_record(actor=actor, role=role, outcome=TourSeen.Outcome.STARTED)
    current = steps[step - 1]
    context = {
        "lede": f"Tur singkat untuk peran {role.label}",
        "step": current,
        "number": step,
        "total": len(steps),
        "steps": steps,
        "step_url": reverse(current.url_name),
        "previous_url": _tour_url(step - 1) if step > 1 else "",
        "next_url": _tour_url(step + 1) if step < len(steps) else "",
    }
    return render(request, "engagement/tour/step.html", context)


def _tour_url(step: int) -> str:
    return reverse("engagement:tour") if step == 1 else reverse("engagement:tour_step", args=[step])


def _tour_end(request: HttpRequest, outcome: str) -> None:
    actor = request_actor(request)
    role = main_role_of(actor)
    if role is None:
        raise Http404("Tur tidak tersedia untuk akun ini.")
    tour_record(actor=actor, role=role, outcome=outcome)


@require_POST
def tour_skip(request: HttpRequest) -> HttpResponse:
    _tour_end(request, TourSeen.Outcome.SKIPPED)
    messages.info(request, "Tur dilewati. Anda dapat membukanya lagi dari halaman Bantuan.")
    return redirect("core:home")


@require_POST
def tour_finish(request: HttpRequest) -> HttpResponse:
    _tour_end(request, TourSeen.Outcome.FINISHED)
    messages.success(request, "Tur selesai. Selamat bekerja dengan Kinerja.")
    return redirect("core:home")


# --- the socialisation hub --------------------------------------------------------------------


def _hub_cards(*, bkpsdm: bool) -> list[dict[str, str]]:
    cards = [
        ("Pengumuman", "Tulis, terbitkan dan pantau tingkat baca pengumuman.",
         "engagement:announcement_manage", "megaphone", False),
        ("Panduan dan tanya jawab", "Tulis dan perbarui panduan per peran dan tanya jawab.",
         "engagement:guide_index", "book-open", True),
        ("Putaran survei persepsi", "Buka dan tutup putaran survei persepsi tiap periode.",
         "engagement:perception_rounds", "clipboard-document-list", True),
        ("Hasil survei persepsi", "Tingkat penerimaan per perangkat daerah dan trennya.",
         "engagement:perception_results", "chart-bar", False),
        ("Kotak saran", "Jawab saran pengguna secara terbuka.",
         "engagement:suggestion_manage", "chat-bubble-left-right", True),
        ("Periode uji coba", "Kosongkan hasil uji coba atau jadikan periode resmi.",
         "engagement:trial_list", "beaker", True),
    ]  # fmt: skip
    return [
        {"title": title, "text": text, "url": reverse(name), "icon": icon}
        for title, text, name, icon, bkpsdm_only in cards
        if bkpsdm or not bkpsdm_only
    ]


@require_GET
def hub(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    require(can_manage_announcements(actor), NOT_HUB_READER)
    context = {"cards": _hub_cards(bkpsdm=is_hr_admin(actor))}
    return render(request, "engagement/hub.html", context)
