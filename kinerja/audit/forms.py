from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.audit.presentation import object_type_label
from kinerja.audit.selectors import AuditFilters
from kinerja.core.audit_labels import audit_action_label, audit_entity_label
from kinerja.core.form_fields import DateFieldID


def action_choices(actions: Sequence[str]) -> list[tuple[str, Any]]:
    """Actions grouped by what they act on, each group led by "all actions on it"."""
    groups: dict[str, list[str]] = {}
    for action in actions:
        groups.setdefault(action.partition(".")[0], []).append(action)
    choices: list[tuple[str, Any]] = [("", "Semua tindakan")]
    for entity, members in sorted(groups.items(), key=lambda g: audit_entity_label(g[0])):
        label = audit_entity_label(entity)
        options = [(f"{entity}.", f"{label}: semua tindakan")]
        options += sorted(((a, audit_action_label(a)) for a in members), key=lambda o: o[1])
        choices.append((label, options))
    return choices


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Pelaku"), required=False, max_length=100)
    action = forms.ChoiceField(
        label=_("Tindakan"),
        required=False,
        error_messages={"invalid_choice": _("Tindakan %(value)s tidak ada; pilih dari daftar.")},
    )
    object_type = forms.ChoiceField(
        label=_("Jenis objek"),
        required=False,
        error_messages={"invalid_choice": _("Jenis objek %(value)s tidak ada; pilih dari daftar.")},
    )
    object_id = forms.CharField(label=_("ID objek"), required=False, max_length=64)
    date_from = DateFieldID(label=_("Dari tanggal"), required=False)
    date_to = DateFieldID(label=_("Sampai tanggal"), required=False)

    def __init__(
        self, *args: Any, actions: Sequence[str], object_types: Sequence[str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        action = self.fields["action"]
        assert isinstance(action, forms.ChoiceField)
        action.choices = action_choices(actions)
        object_type = self.fields["object_type"]
        assert isinstance(object_type, forms.ChoiceField)
        object_type.choices = [
            ("", "Semua jenis"),
            *sorted(((t, object_type_label(t)) for t in object_types), key=lambda o: o[1]),
        ]

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
            action=data["action"],
            object_type=data["object_type"],
            object_id=data["object_id"].strip(),
            date_from=data["date_from"],
            date_to=data["date_to"],
        )
