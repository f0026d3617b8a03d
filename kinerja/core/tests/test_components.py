"""The design system's tags: icons, badges and breadcrumbs render one way each."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateSyntaxError
from heroicons import IconDoesNotExist

from kinerja.core.templatetags.kinerja_ui import badge, crumbs, icon, status_badge


def test_a_decorative_icon_is_hidden_from_screen_readers() -> None:
    svg = icon("home")
    assert svg.startswith("<svg")
    assert 'aria-hidden="true"' in svg
    assert 'class="icon"' in svg
    assert "xmlns" not in svg


def test_an_icon_alone_is_announced_by_its_label() -> None:
    svg = icon("x-mark", label="Tutup <dialog>")
    assert 'aria-hidden="false"' in svg
    assert 'role="img"' in svg
    assert 'aria-label="Tutup &lt;dialog&gt;"' in svg


def test_an_unknown_icon_name_fails_loudly() -> None:
    with pytest.raises(IconDoesNotExist):
        icon("tidak-ada")


def test_a_state_badge_shows_its_label_and_an_icon_not_colour_alone() -> None:
    html = status_badge("APPROVED", "Disetujui")
    assert "k-badge-success" in html
    assert "Disetujui" in html
    assert "<svg" in html
    assert "Di bawah ekspektasi" in status_badge("below")
    unknown = status_badge("ENTAH")
    assert "k-badge-neutral" in unknown
    assert "ENTAH" in unknown


def test_a_badge_escapes_its_label_and_falls_back_to_neutral() -> None:
    html = badge("<b>Plt</b>", "tidak-ada")
    assert "&lt;b&gt;Plt&lt;/b&gt;" in html
    assert "k-badge-neutral" in html


def test_breadcrumbs_take_url_names_or_paths_in_pairs() -> None:
    assert crumbs("Tugas saya", "core:home", "Gaya", "/gaya/") == [
        ("Tugas saya", "/"),
        ("Gaya", "/gaya/"),
    ]
    with pytest.raises(TemplateSyntaxError):
        crumbs("Tugas saya")
    with pytest.raises(TemplateSyntaxError):
        crumbs("Entah", "tidak:ada")


def test_definition_rows_escape_values_and_show_a_dash_for_empty_ones() -> None:
    html = Template('{% load kinerja_ui %}{% definition_rows "Nama" name "Catatan" "" %}').render(
        Context({"name": "<Agus>"})
    )
    assert html == (
        "<div><dt>Nama</dt><dd>&lt;Agus&gt;</dd></div><div><dt>Catatan</dt><dd>—</dd></div>"
    )
