from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.audit.selectors import AuditFilters
from kinerja.core.form_fields import DateFieldID


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Pelaku"), required=False, max_length=100)
    action = forms.CharField(
        label=_("Tindakan"),
        required=False,
        max_length=100,
        help_text=_("Awal nama tindakan, mis. user. atau user.created"),
    )
    object_type = forms.CharField(
        label=_("Jenis objek"),
        required=False,
        max_length=100,
        help_text=_("mis. accounts.User"),
    )
    object_id = forms.CharField(label=_("ID objek"), required=False, max_length=64)
    date_from = DateFieldID(label=_("Dari tanggal"), required=False)
    date_to = DateFieldID(label=_("Sampai tanggal"), required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("Sampai tanggal tidak boleh sebelum dari tanggal."))
        return data

    def to_filters(self) -> AuditFilters:
        if not self.is_valid():
            return AuditFilters()
        data = self.cleaned_data
        return AuditFilters(
            actor=data["actor"].strip(),
            action=data["action"].strip(),
            object_type=data["object_type"].strip(),
            object_id=data["object_id"].strip(),
            date_from=data["date_from"],
            date_to=data["date_to"],
        )
