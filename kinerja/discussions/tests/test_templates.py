from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string

from kinerja.core.testing import page_text
from kinerja.discussions.models import Comment
from kinerja.discussions.testing import make_comment
from kinerja.discussions.versions import DiffLine, lines_diff
from kinerja.people.testing import Personas

THREAD = Template('{% include "discussions/_thread.html" %}')
DIFF = Template('{% include "discussions/_diff.html" %}')


def thread(**context: Any) -> str:
    base = {"comments": [], "post_url": "/skp/7/komentar/", "may_comment": False, "form_id": "k-7"}
    return THREAD.render(Context({**base, **context}))


def diff(lines: list[DiffLine]) -> str:
    return DIFF.render(Context({"diff": lines}))


@pytest.mark.django_db
def test_thread_shows_each_comment_with_author_indonesian_date_and_body(
    personas: Personas,
) -> None:
    comment = make_comment(
        subject=personas.staff.employee, author=personas.supervisor, body="Target terlalu rendah."
    )
    Comment.objects.filter(pk=comment.pk).update(created_at=datetime(2026, 1, 5, 7, 5, tzinfo=UTC))
    comment.refresh_from_db()

    text = page_text(thread(comments=[comment]))

    assert (
        f"{personas.supervisor.full_name} · 5 Januari 2026 pukul 14.05 Target terlalu rendah."
        in text
    )


def test_thread_without_comments_says_so() -> None:
    assert "Belum ada komentar." in page_text(thread())


@pytest.mark.django_db
def test_comment_markup_is_escaped_and_line_breaks_kept(personas: Personas) -> None:
    comment = make_comment(subject=personas.staff.employee, body="<b>tebal</b>\nbaris dua")
    html = thread(comments=[comment])
    assert "&lt;b&gt;tebal&lt;/b&gt;<br>baris dua" in html


def test_form_is_offered_only_when_the_owner_allows_commenting() -> None:
    assert "<form" not in thread(may_comment=False)
    html = thread(may_comment=True)
    assert '<form method="post" action="/skp/7/komentar/" id="k-7"' in html
    assert 'hx-post="/skp/7/komentar/" hx-target="#k-7-diskusi"' in html
    assert 'id="k-7-diskusi"' in html
    assert 'name="body" id="k-7-body"' in html
    assert '<label class="form-label" for="k-7-body">' in html
    assert "Komentar baru" in page_text(html)
    assert "Kirim komentar" in page_text(html)


def test_a_refused_comment_is_shown_again_with_its_reason_tied_to_the_field() -> None:
    html = thread(
        may_comment=True,
        body="terlalu panjang",
        errors=["Komentar 4.001 karakter tidak diterima: paling banyak 4.000 karakter."],
    )
    assert 'aria-invalid="true" aria-describedby="k-7-body_error"' in html
    assert 'id="k-7-body_error"' in html
    assert ">terlalu panjang</textarea>" in html
    assert "paling banyak 4.000 karakter" in page_text(html)


def test_fragments_carry_no_inline_script_or_style() -> None:
    for html in (thread(may_comment=True), diff(lines_diff(["A"], ["B"]))):
        assert "<script" not in html
        assert "<style" not in html
        assert "style=" not in html


def test_diff_marks_added_and_removed_lines_in_words() -> None:
    text = page_text(diff(lines_diff(["Hasil A", "Target 100"], ["Hasil A", "Target 120"])))
    assert text == (
        "1 baris ditambahkan, 1 baris dihapus. "
        "Hasil A \u2212 dihapus: Target 100 + ditambahkan: Target 120"
    )


def test_diff_of_a_first_version_lists_every_line_as_added() -> None:
    text = page_text(diff(lines_diff([], ["Satu", "Dua"])))
    assert text == "2 baris ditambahkan. + ditambahkan: Satu + ditambahkan: Dua"


def test_diff_without_changes_says_so() -> None:
    text = page_text(diff(lines_diff(["Sama"], ["Sama"])))
    assert text == "Tidak ada perubahan. Sama"


def test_diff_uses_ins_and_del_so_assistive_technology_can_tell() -> None:
    html = diff(lines_diff(["Lama"], ["Baru"]))
    assert "<del>Lama</del>" in html
    assert '<ins class="text-decoration-none">Baru</ins>' in html


def test_indented_lines_stay_indented_although_html_collapses_spaces() -> None:
    html = diff(lines_diff(["RHK 1", "  IKI 1.1"], ["RHK 1", "  IKI 1.1 baru"]))
    assert '<li class="pe-2 ps-2 py-1">RHK 1</li>' in html
    assert 'class="pe-2 ps-3 py-1 bg-danger-subtle' in html
    assert 'class="pe-2 ps-3 py-1 bg-success-subtle' in html


def test_the_form_carries_the_csrf_token_when_rendered_for_a_request(rf: Any) -> None:
    html = render_to_string(
        "discussions/_thread.html",
        {"comments": [], "post_url": "/x/", "may_comment": True, "form_id": "k"},
        request=rf.get("/"),
    )
    assert 'name="csrfmiddlewaretoken"' in html
