"""The living style guide (/gaya/): sample content that shows every component of the design
system, so that a change to a component is seen on one page before it reaches the others."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.core.paginator import Paginator

from kinerja.core.charts import bar_chart_svg
from kinerja.core.form_fields import DateFieldID
from kinerja.core.status_tones import STATES

ICONS = (
    "home",
    "users",
    "building-office-2",
    "document-text",
    "chart-bar",
    "clipboard-document-check",
    "arrow-up-tray",
    "shield-check",
    "funnel",
    "magnifying-glass",
    "check-circle",
    "exclamation-triangle",
)


@dataclass(frozen=True)
class SampleRow:
    name: str
    nip: str
    grade: str
    position: str
    state: str
    state_label: str
    score: Decimal
    since: date


SAMPLE_ROWS = [
    SampleRow(
        "Dr. Sri Lestari, S.Kom., M.T.", "198203142006042011", "IV/a",
        "Kepala Bidang Pelayanan Pendaftaran Penduduk", "APPROVED", "Disetujui",
        Decimal("1234.5"), date(2026, 12, 1),
    ),
    SampleRow(
        "Agus Wibowo", "199001152015031002", "III/b", "Analis Kependudukan",
        "SUBMITTED", "Diajukan", Decimal("87.25"), date(2026, 1, 2),
    ),
    SampleRow(
        "Bambang Sutrisno, S.E.", "197512252000031005", "III/d",
        "Pengelola Data Administrasi Kependudukan dan Pencatatan Sipil", "RETURNED",
        "Dikembalikan", Decimal("0"), date(2025, 7, 17),
    ),
]  # fmt: skip


class SampleForm(forms.Form):
    name = forms.CharField(label="Nama lengkap", max_length=100, help_text="Tanpa gelar.")
    nip = forms.CharField(label="NIP", max_length=21, help_text="18 digit; spasi boleh.")
    birth_date = DateFieldID(label="Tanggal lahir")
    kind = forms.ChoiceField(
        label="Jenis jabatan",
        choices=[("", "Pilih…"), ("JPT", "JPT"), ("FUNGSIONAL", "Fungsional")],
    )
    note = forms.CharField(
        label="Catatan", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    agree = forms.BooleanField(label="Data ini benar", required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs["class"] = "form-check-input"
            elif isinstance(field.widget, forms.Select):
                field.widget.attrs["class"] = "form-select"
            else:
                field.widget.attrs["class"] = "form-control"

    def clean(self) -> dict[str, Any]:
        super().clean()
        raise forms.ValidationError("Contoh kesalahan formulir: periksa isian yang ditandai.")


def style_guide_context() -> dict[str, Any]:
    # Three copies of one form on a page: each gets its own ids, so every label finds its box.
    bound = SampleForm(
        data={"name": "Agus Wibowo", "nip": "1990", "birth_date": "31-02-1990", "kind": ""},
        auto_id="salah_%s",
    )
    bound.is_valid()
    bound.add_error("nip", "NIP 1990 harus 18 digit; ditemukan 4.")
    days = ["1 Des", "2 Des", "3 Des", "4 Des", "5 Des"]
    counts = [12, 30, 7, 22, 15]
    return {
        "icons": ICONS,
        "states": list(STATES),
        "page": Paginator(SAMPLE_ROWS, 2).get_page(1),
        "rows": SAMPLE_ROWS,
        "empty_form": SampleForm(auto_id="kosong_%s"),
        "filter_form": SampleForm(auto_id="saring_%s"),
        "bound_form": bound,
        "chart_svg": bar_chart_svg(
            title="Realisasi diunggah per hari", labels=days, values=counts, series_name="Realisasi"
        ),
        "chart_data": list(zip(days, counts, strict=True)),
        "sample_date": date(2026, 12, 1),
        "sample_number": Decimal("1234.56"),
        "sample_share": Decimal("0.8"),
    }
