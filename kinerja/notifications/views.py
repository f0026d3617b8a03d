"""The inbox pages at /kotak-masuk/: the list, opening one notification, marking all read,
the channel choice, and the unread count the navigation loads lazily (htmx)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.accounts.actors import request_actor
from kinerja.core.rendering import render_page_or_fragment
from kinerja.notifications.emails import is_site_path
from kinerja.notifications.forms import ChannelForm
from kinerja.notifications.models import Channel
from kinerja.notifications.selectors import (
    notification_get_for_actor,
    notification_list_for_actor,
    notification_unread_count_for_actor,
)
from kinerja.notifications.services import (
    notification_channel_for,
    notification_mark_read,
    notification_preference_set,
    notifications_mark_all_read,
)

PAGE_SIZE = 50


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    notifications = notification_list_for_actor(actor=actor)
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("halaman"))
    rows = list(page.object_list)
    context = {
        "page": page,
        "rows": rows,
        "query": "",
        "unread_count": notification_unread_count_for_actor(actor=actor),
        "channel_label": Channel(notification_channel_for(actor=actor)).label,
    }
    return render_page_or_fragment(
        request,
        page="notifications/inbox.html",
        fragment="notifications/_inbox_table_part.html",
        context=context,
    )


@require_GET
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark the notification read and go where it points (only a same-site address)."""
    actor = request_actor(request)
    notification = notification_get_for_actor(actor=actor, notification_id=notification_id)
    notification_mark_read(actor=actor, notification=notification)
    if notification.url and is_site_path(notification.url):
        return redirect(notification.url)
    return redirect("notifications:inbox")


@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = notifications_mark_all_read(actor=request_actor(request))
    if count:
        messages.success(request, f"{count} pemberitahuan ditandai sudah dibaca.")
    else:
        messages.info(request, "Tidak ada pemberitahuan yang belum dibaca.")
    return redirect("notifications:inbox")


@require_http_methods(["GET", "POST"])
def preference(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    if request.method == "POST":
        form = ChannelForm(request.POST)
        if form.is_valid():
            try:
                notification_preference_set(actor=actor, channel=form.cleaned_data["channel"])
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("channel", message)
            else:
                label = Channel(form.cleaned_data["channel"]).label
                messages.success(request, f"Pilihan pemberitahuan disimpan: {label}.")
                return redirect("notifications:inbox")
        status = 400
    else:
        form = ChannelForm(initial={"channel": notification_channel_for(actor=actor)})
        status = 200
    return render(
        request,
        "notifications/preference.html",
        {"form": form, "has_email": bool(actor.email)},
        status=status,
    )


@require_GET
def unread_count(request: HttpRequest) -> HttpResponse:
    """The badge next to "Kotak masuk" (an htmx fragment; empty when nothing is unread).
    Opened without htmx (a typed address) it is the inbox itself."""
    if not getattr(request, "htmx", False):
        return redirect("notifications:inbox")
    count = notification_unread_count_for_actor(actor=request_actor(request))
    return render(request, "notifications/_unread_badge.html", {"count": count})
