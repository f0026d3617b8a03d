"""Formats shown everywhere come from one place: the kinerja_ui filters and the date field."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template

from kinerja.core.form_fields import DateFieldID, DecimalFieldID, parse_date_id, parse_decimal_id
from kinerja.core.templatetags.kinerja_ui import (
    count_id,
    date_id,
    datetime_id,
    field_error,
    nip_grouped,
    number_id,
    percent_id,
    sentence_end,
)


def render(source: str, **context: object) -> str:
    return Template("{% load kinerja_ui %}" + source).render(Context(context))


def test_nip_is_shown_in_groups_as_on_an_id_card() -> None:
    assert nip_grouped("199001152015031002") == "19900115 201503 1 002"
    assert nip_grouped("19860926 2021 13 1 001") == "19860926 2021 13 1 001"


def test_a_malformed_nip_is_shown_as_typed() -> None:
    assert nip_grouped("1990") == "1990"
    assert nip_grouped(None) == ""


def test_dates_in_text_read_as_indonesians_write_them() -> None:
    assert date_id(date(2026, 12, 1)) == "1 Desember 2026"
    # 20:00 UTC on 30 November is already 1 December in Surakarta.
    assert date_id(datetime(2026, 11, 30, 20, 0, tzinfo=UTC)) == "1 Desember 2026"
    assert datetime_id(datetime(2026, 11, 30, 20, 5, tzinfo=UTC)) == "1 Desember 2026 pukul 03.05"
    assert datetime_id(datetime(2026, 11, 30, 20, 5, 9, tzinfo=UTC), "detik").endswith("03.05.09")
    assert date_id(None) == ""


def test_numbers_use_a_thousands_dot_and_a_decimal_comma() -> None:
    assert number_id(Decimal("1234.56")) == "1.234,56"
    assert number_id(1234.5) == "1.234,50"
    assert number_id("87.255", 1) == "87,3"
    assert count_id(100000) == "100.000"
    assert percent_id(Decimal("0.8")) == "80,00%"
    assert number_id("bukan angka") == "bukan angka"
    assert number_id(True) == "True"


def test_a_name_with_a_title_ends_a_sentence_with_one_period() -> None:
    assert sentence_end("Agus Wibowo, S.Sos.") == "Agus Wibowo, S.Sos."
    assert sentence_end("Agus Wibowo") == "Agus Wibowo."
    assert render("Oleh {{ name|sentence_end }}", name="Dr. Sri, M.T.") == "Oleh Dr. Sri, M.T."


def test_an_error_names_its_field_once() -> None:
    assert field_error("Isian ini wajib diisi.", "Golongan") == "Golongan: isian ini wajib diisi."
    assert field_error("NIP 1990 harus 18 digit.", "NIP") == "NIP 1990 harus 18 digit."
    sentence = "Tanggal lahir 19950230 pada NIP 199502302020012004 bukan tanggal yang ada."
    assert field_error(sentence, "NIP") == sentence


@pytest.mark.parametrize(
    "typed",
    ["01-12-2026", "1-12-2026", "01/12/2026", "2026-12-01", "1 Desember 2026", "1 des 2026"],
)
def test_date_field_accepts_the_indonesian_order_and_iso(typed: str) -> None:
    assert parse_date_id(typed) == date(2026, 12, 1)
    field = DateFieldID(label="Mulai")
    assert field.clean(typed) == date(2026, 12, 1)


def test_date_field_refusal_names_the_field_the_value_and_what_is_accepted() -> None:
    field = DateFieldID(label="Mulai")
    with pytest.raises(forms.ValidationError) as refusal:
        field.clean("31-02-2026")
    message = refusal.value.messages[0]
    assert message.startswith("Mulai: 31-02-2026 bukan tanggal yang dikenal")
    assert "HH-BB-TTTT" in message
    assert parse_date_id("32 Desember 2026") is None
    assert parse_date_id("1 Brumaire 2026") is None


def test_date_field_shows_a_stored_date_in_the_indonesian_order() -> None:
    class Form(forms.Form):
        day = DateFieldID(label="Tanggal")

    html = str(Form(initial={"day": date(2026, 12, 1)})["day"])
    assert 'value="01-12-2026"' in html
    assert 'inputmode="numeric"' in html


def test_django_stock_phrases_that_clash_with_the_glossary_are_replaced() -> None:
    class Form(forms.Form):
        grade = forms.CharField(label="Golongan")

    form = Form(data={})
    assert not form.is_valid()
    assert form.errors["grade"] == ["Isian ini wajib diisi."]
    assert "Bidang" not in str(form)
    assert "Golongan: isian ini wajib diisi." in str(form)


def test_every_form_renders_labels_help_and_bootstrap_classes_through_our_templates() -> None:
    class Form(forms.Form):
        name = forms.CharField(label="Nama", help_text="Tanpa gelar.")
        kind = forms.ChoiceField(label="Jenis", choices=[("a", "A")])
        agree = forms.BooleanField(label="Setuju")

    html = str(Form())
    assert '<label class="form-label" for="id_name">Nama' in html
    assert 'class="form-control"' in html
    assert 'class="form-select"' in html
    assert 'class="form-check-input"' in html
    assert 'aria-describedby="id_name_helptext"' in html


@pytest.mark.parametrize(
    ("stored", "shown"),
    [("174.55", "174,55"), ("1250.00", "1250"), ("0.50", "0,5"), ("1000000", "1000000")],
)
def test_a_stored_number_is_shown_with_a_decimal_comma_and_reads_back_unchanged(
    stored: str, shown: str
) -> None:
    class Form(forms.Form):
        value = DecimalFieldID(label="Realisasi")

    html = str(Form(initial={"value": Decimal(stored)})["value"])
    assert f'value="{shown}"' in html
    form = Form(data={"value": shown})
    assert form.is_valid()
    assert form.cleaned_data["value"] == Decimal(stored)


def test_a_group_of_checkboxes_is_not_styled_as_a_dropdown() -> None:
    class Form(forms.Form):
        tags = forms.MultipleChoiceField(
            label="Kompetensi",
            choices=[("a", "Komunikasi"), ("b", "Kerja sama")],
            widget=forms.CheckboxSelectMultiple,
        )

    html = str(Form()["tags"])
    assert "form-select" not in html
    assert html.count('type="checkbox"') == 2
    assert html.count('class="form-check-input"') == 2
    assert '<label class="form-check-label" for="id_tags_0">Komunikasi</label>' in html


def test_selects_are_written_by_the_renderer_with_escaped_options_and_the_choice_kept() -> None:
    class Form(forms.Form):
        kind = forms.ChoiceField(
            label="Jenis",
            choices=[("", "Semua"), ("A&B", "Dinas <Baru>"), ("Grup", [("x", "X")])],
        )

    html = str(Form(data={"kind": "A&B"})["kind"])
    assert html.startswith('<select name="kind" class="form-select"')
    assert '<option value="A&amp;B" selected>Dinas &lt;Baru&gt;</option>' in html
    assert '<optgroup label="Grup"><option value="x">X</option></optgroup>' in html


def test_the_saring_button_counts_the_filters_in_use() -> None:
    from kinerja.core.templatetags.kinerja_ui import filters_active

    class Filters(forms.Form):
        q = forms.CharField(required=False)
        status = forms.ChoiceField(required=False, choices=[("", "Semua"), ("ACTIVE", "Aktif")])

    assert filters_active(Filters()) == 0
    assert filters_active(Filters(data={"q": "agus", "status": ""})) == 1
    assert filters_active(Filters(data={"q": "agus", "status": "ACTIVE"})) == 2


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("1.234,5", "1234.5"),
        ("1234,5", "1234.5"),
        ("1.234", "1234"),
        ("1.234.567", "1234567"),
        ("85.5", "85.5"),
        ("0.001", "0.001"),
        (" 90 ", "90"),
        ("-2,25", "-2.25"),
    ],
)
def test_numbers_are_read_as_indonesians_write_them(typed: str, number: str) -> None:
    assert parse_decimal_id(typed) == Decimal(number)


@pytest.mark.parametrize("typed", ["", "sepuluh", "1,2,3", "NaN", "Infinity"])
def test_what_is_not_a_number_is_refused(typed: str) -> None:
    assert parse_decimal_id(typed) is None


def test_an_id_or_year_in_a_template_is_written_as_plain_digits() -> None:
    html = Template('<a href="?periode={{ pk }}">{{ year }}</a>').render(
        Context({"pk": 4321, "year": 2026})
    )
    assert html == '<a href="?periode=4321">2026</a>'


def test_number_field_reads_indonesian_numbers_and_names_the_value_it_refuses() -> None:
    class Target(forms.Form):
        target = DecimalFieldID(label="Target", max_digits=16, decimal_places=2)

    assert Target({"target": "1.234,5"}).is_valid()
    form = Target({"target": "12 dokumen"})
    assert not form.is_valid()
    assert form.errors["target"] == [
        "Target: 12 dokumen bukan angka; tulis angka seperti 1234, 1.234, 1.234,5 atau 1234.5."
    ]
