"""Performance periods (a year of SKP) and their evaluation windows (monthly or quarterly)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel


class PeriodState(models.TextChoices):
    """The stages of PermenPANRB 6/2022 Pasal 5, in order; a period only moves forward once
    evaluation has begun."""

    PLANNING = "PLANNING", _("Perencanaan")
    EXECUTION = "EXECUTION", _("Pelaksanaan")
    EVALUATION = "EVALUATION", _("Evaluasi")
    CLOSED = "CLOSED", _("Ditutup")


class WindowKind(models.TextChoices):
    MONTHLY = "MONTHLY", _("Bulanan")
    QUARTERLY = "QUARTERLY", _("Triwulanan")


class PerformancePeriod(TimeStampedModel):
    """A year of performance management. `is_trial` marks a trial period whose results do not
    count (uji coba). Plans are written while the period is in planning or execution."""

    year = models.PositiveSmallIntegerField(_("tahun"))
    name = models.CharField(_("nama"), max_length=120)
    start_date = models.DateField(_("tanggal mulai"))
    end_date = models.DateField(_("tanggal selesai"))
    state = models.CharField(
        _("tahap"), max_length=12, choices=PeriodState.choices, default=PeriodState.PLANNING
    )
    is_trial = models.BooleanField(_("uji coba"), default=False)
    trial_agency = models.ForeignKey(
        "organization.Agency",
        verbose_name=_("perangkat daerah uji coba"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("kosong bila uji coba untuk seluruh kota"),
    )
    window_kind = models.CharField(
        _("evaluasi periodik"), max_length=10, choices=WindowKind.choices
    )
    plan_due_date = models.DateField(_("batas penetapan SKP"))
    realization_due_day = models.PositiveSmallIntegerField(
        _("batas pengisian realisasi (tanggal pada bulan berikutnya)"), default=5
    )
    evaluation_due_date = models.DateField(_("batas evaluasi tahunan"))

    class Meta:
        verbose_name = _("periode penilaian")
        verbose_name_plural = _("periode penilaian")
        ordering = ["-year", "is_trial", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="periods_period_ends_after_start",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
            models.CheckConstraint(
                condition=models.Q(is_trial=True) | models.Q(trial_agency__isnull=True),
                name="periods_trial_agency_only_in_trial",
                violation_error_message=_(
                    "Hanya periode uji coba yang dibatasi satu perangkat daerah."
                ),
            ),
            models.UniqueConstraint(
                fields=["year"],
                condition=models.Q(is_trial=False),
                name="periods_one_real_period_per_year",
                violation_error_message=_("Periode penilaian untuk tahun ini sudah ada."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class EvaluationWindow(models.Model):
    """A monthly or quarterly evaluation window of a period, with its realisation due date."""

    period = models.ForeignKey(
        PerformancePeriod,
        verbose_name=_("periode penilaian"),
        on_delete=models.CASCADE,
        related_name="windows",
    )
    number = models.PositiveSmallIntegerField(_("urutan"))
    name = models.CharField(_("nama"), max_length=60)
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(_("selesai"))
    realization_due_date = models.DateField(_("batas pengisian realisasi"))

    class Meta:
        verbose_name = _("evaluasi periodik")
        verbose_name_plural = _("evaluasi periodik")
        ordering = ["period", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "number"], name="periods_window_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.period.year}"
