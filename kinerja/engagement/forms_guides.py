"""The guide form (Admin BKPSDM) and the search box of /bantuan/. They parse;
`services/guides.py` decides, and its refusals land on the field of the same name."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from kinerja.engagement.models import AudienceRole, GuideKind
from kinerja.engagement.selectors.guides import SEARCH_MAX
from kinerja.engagement.services.guides import ORDER_MAX


class GuideSearchForm(forms.Form):
    q = forms.CharField(label="Cari panduan dan tanya jawab", required=False, max_length=SEARCH_MAX)


class GuideForm(forms.Form):
    title = forms.CharField(label="Judul", max_length=150)
    slug = forms.CharField(
        label="Alamat",
        max_length=80,
        help_text="Huruf kecil, angka dan tanda hubung; menjadi alamat /bantuan/<alamat>/.",
    )
    kind = forms.ChoiceField(label="Jenis", choices=GuideKind.choices)
    role = forms.ChoiceField(
        label="Untuk peran",
        required=False,
        choices=[("", "Semua pengguna"), *AudienceRole.choices],
    )
    summary = forms.CharField(label="Ringkasan", required=False, max_length=250)
    body = forms.CharField(
        label="Isi",
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text="Markdown: ## judul bagian, 1. langkah bernomor, **tebal**, [tautan](/alamat/).",
    )
    pages = forms.CharField(
        label="Halaman yang dijelaskan",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Nama URL halaman, satu per baris, mis. planning:plan_list. Tautan “Bantuan "
        "untuk halaman ini” di halaman tersebut membuka panduan ini.",
    )
    order = forms.IntegerField(label="Urutan", min_value=0, max_value=ORDER_MAX, initial=100)
    is_published = forms.BooleanField(label="Terbit", required=False, initial=True)

    def add_service_errors(self, error: ValidationError) -> None:
        for field, messages in error.message_dict.items():
            target = field if field in self.fields else None
            for message in messages:
                self.add_error(target, message)
