"""Forms of the allowance (TPP) pages: the scheme, the month's attendance of an agency (one pair
of fields per employee) and the agency-and-month picker. The services validate; the forms only
parse and show the services' sentences beside their fields."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from kinerja.core.form_fields import DateFieldID
from kinerja.evaluation.models import AllowanceScheme
from kinerja.evaluation.selectors.allowance import MULTIPLIER_FIELDS, MonthEmployee
from kinerja.evaluation.services.allowance import AttendanceEntry


class _ServiceErrors(forms.Form):
    def add_service_errors(self, error: ValidationError) -> None:
        for field, messages in error.message_dict.items():
            target = field if field in self.fields else None
            for message in messages:
                self.add_error(target, message)


def _percent(label: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=f"{label} (%)",
        required=False,
        localize=True,
        help_text="Angka 0 sampai 100, paling banyak 2 desimal.",
    )


class SchemeForm(_ServiceErrors):
    name = forms.CharField(label="Nama skema", max_length=200, required=False)
    valid_from = DateFieldID(label="Berlaku sejak", required=False)
    performance_share = _percent("Porsi kinerja")
    attendance_share = _percent("Porsi kehadiran")
    multiplier_sangat_baik = _percent("Pengali Sangat Baik")
    multiplier_baik = _percent("Pengali Baik")
    multiplier_butuh_perbaikan = _percent("Pengali Butuh Perbaikan")
    multiplier_kurang = _percent("Pengali Kurang/Misconduct")
    multiplier_sangat_kurang = _percent("Pengali Sangat Kurang")
    source = forms.CharField(label="Dasar hukum", max_length=200, required=False)

    @classmethod
    def for_scheme(cls, scheme: AllowanceScheme) -> SchemeForm:
        names = ("name", "valid_from", "performance_share", "attendance_share", "source")
        initial: dict[str, Any] = {name: getattr(scheme, name) for name in names}
        initial.update({f: getattr(scheme, f) for f in MULTIPLIER_FIELDS.values()})
        return cls(initial=initial)

    def service_values(self) -> dict[str, Any]:
        data: dict[str, Decimal | Any] = dict(self.cleaned_data)
        data["name"] = data.get("name") or ""
        data["source"] = data.get("source") or ""
        return data


def working_key(employee_id: int) -> str:
    return f"working_days_{employee_id}"


def present_key(employee_id: int) -> str:
    return f"present_days_{employee_id}"


class AttendanceForm(_ServiceErrors):
    """Hari kerja and hari hadir for each employee of the agency in the month."""

    def __init__(self, *args: Any, people: Iterable[MonthEmployee], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = list(people)
        for person in self.people:
            self.fields[working_key(person.employee_id)] = forms.IntegerField(
                label=f"Hari kerja {person.name}",
                required=False,
                min_value=0,
                max_value=31,
                initial=person.working_days,
            )
            self.fields[present_key(person.employee_id)] = forms.IntegerField(
                label=f"Hari hadir {person.name}",
                required=False,
                min_value=0,
                max_value=31,
                initial=person.present_days,
            )

    def rows(self) -> list[tuple[MonthEmployee, Any, Any]]:
        """(employee, working field, present field) per row, for the table."""
        return [
            (p, self[working_key(p.employee_id)], self[present_key(p.employee_id)])
            for p in self.people
        ]

    def entries(self) -> list[AttendanceEntry]:
        return [
            AttendanceEntry(
                employee_id=p.employee_id,
                working_days=self.cleaned_data.get(working_key(p.employee_id)),
                present_days=self.cleaned_data.get(present_key(p.employee_id)),
            )
            for p in self.people
        ]
