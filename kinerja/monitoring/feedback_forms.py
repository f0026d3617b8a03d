"""Forms of the feedback pages: they parse what people type; the services decide and explain
refusals (`add_service_errors` puts those sentences under their fields)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinerja.monitoring.models import Competency, FeedbackSubject
from kinerja.people.models import Employee
from kinerja.planning.forms import ServiceErrorsForm
from kinerja.planning.models import PlannedResult
from kinerja.planning.selectors import core_values


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class ResultChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"RHK {obj.number}: {obj.text}"


class ColleagueChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name)


def _core_value_choices() -> list[tuple[str, str]]:
    return [("", "—"), *((v.code, v.name) for v in core_values())]


class TopicForm(ServiceErrorsForm):
    """What the feedback (or the request) is about: a result, a core value or work in general."""

    subject = forms.ChoiceField(
        label=_("Tentang"), choices=FeedbackSubject.choices, initial=FeedbackSubject.GENERAL
    )
    result = ResultChoiceField(
        label=_("Hasil kerja (RHK)"),
        queryset=PlannedResult.objects.none(),
        required=False,
        empty_label="—",
        help_text=_("Diisi bila tentang hasil kerja."),
        error_messages={"invalid_choice": _("Hasil kerja (RHK): pilih salah satu dari daftar.")},
    )
    core_value = forms.ChoiceField(
        label=_("Nilai dasar"),
        choices=(),
        required=False,
        help_text=_("Nilai dasar ASN BerAKHLAK; diisi bila tentang perilaku kerja."),
    )

    def __init__(self, *args: Any, results: QuerySet[PlannedResult], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        result = self.fields["result"]
        assert isinstance(result, forms.ModelChoiceField)
        result.queryset = results
        core_value = self.fields["core_value"]
        assert isinstance(core_value, forms.ChoiceField)
        core_value.choices = _core_value_choices()

    def topic_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "subject": data["subject"],
            "result": data.get("result"),
            "core_value": data.get("core_value") or "",
        }


class FeedbackGiveForm(TopicForm):
    text = forms.CharField(
        label=_("Umpan balik"),
        widget=_textarea(4),
        help_text=_(
            "Apa yang dilakukan pegawai dan apa dampaknya; paling sedikit 20 karakter, bukan "
            "sekadar “bagus” atau “kurang”."
        ),
        error_messages={"required": _("Umpan balik wajib diisi.")},
    )
    example = forms.CharField(
        label=_("Contoh kejadian"),
        widget=_textarea(2),
        required=False,
        help_text=_("Kapan dan di mana perilaku itu terlihat."),
    )
    suggestion = forms.CharField(
        label=_("Saran ke depan"),
        widget=_textarea(2),
        required=False,
        help_text=_("Apa yang sebaiknya dipertahankan atau dicoba lain kali."),
    )
    competencies = forms.MultipleChoiceField(
        label=_("Kompetensi"),
        choices=Competency.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kompetensi: pilih paling sedikit satu kompetensi."),
            "invalid_choice": _("Kompetensi: pilih dari daftar."),
        },
    )

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            **self.topic_kwargs(),
            "text": data["text"],
            "example": data.get("example") or "",
            "suggestion": data.get("suggestion") or "",
            "competencies": list(data["competencies"]),
        }


class FeedbackRequestForm(TopicForm):
    """Ask a colleague: pick one from the list, or type the NIP of anyone in the agency."""

    colleague = ColleagueChoiceField(
        label=_("Rekan kerja"),
        help_text=_("Rekan di unit kerja Anda, atau pejabat penilai Anda."),
        queryset=Employee.objects.none(),
        required=False,
        empty_label="—",
        error_messages={"invalid_choice": _("Rekan kerja: pilih salah satu dari daftar.")},
    )
    nip = forms.CharField(
        label=_("NIP"),
        max_length=30,
        help_text=_("Atau isi NIP pegawai lain di perangkat daerah Anda bila tidak ada di daftar."),
        required=False,
    )
    message = forms.CharField(
        label=_("Pesan"),
        widget=_textarea(3),
        required=False,
        max_length=2000,
        help_text=_("Apa yang ingin Anda ketahui, misalnya tentang presentasi atau layanan."),
    )
    field_order = ["colleague", "nip", "subject", "result", "core_value", "message"]

    def __init__(self, *args: Any, colleagues: list[Employee], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        colleague = self.fields["colleague"]
        assert isinstance(colleague, forms.ModelChoiceField)
        colleague.queryset = Employee.objects.filter(pk__in=[e.pk for e in colleagues])
        colleague.choices = [("", "—"), *((e.pk, e.full_name) for e in colleagues)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        nip = (data.get("nip") or "").replace(" ", "")
        if data.get("colleague") is None and not nip:
            self.add_error("colleague", "Pilih rekan kerja dari daftar atau isi NIP pegawai.")
        elif data.get("colleague") is None:
            asked = Employee.objects.filter(nip=nip).first()
            if asked is None:
                self.add_error("nip", f"NIP “{nip}” tidak ditemukan; periksa 18 angka NIP.")
            else:
                data["colleague"] = asked
        return data

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            **self.topic_kwargs(),
            "asked": data["colleague"],
            "message": data.get("message") or "",
        }


class DeclineForm(ServiceErrorsForm):
    reason = forms.CharField(
        label=_("Alasan menolak"),
        widget=_textarea(3),
        help_text=_("Disampaikan kepada pegawai yang meminta; paling sedikit 10 karakter."),
        error_messages={"required": _("Alasan menolak wajib diisi.")},
    )


class ReplyForm(ServiceErrorsForm):
    body = forms.CharField(
        label=_("Tanggapan"),
        widget=_textarea(3),
        error_messages={"required": _("Tanggapan wajib diisi.")},
    )
