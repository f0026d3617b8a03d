"""The organisation's predikat and the calibration sessions with their moves."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel
from kinerja.evaluation.models.choices import (
    ORGANIZATION_PREDIKAT_CHOICES,
    PREDIKAT_CHOICES,
    RATING_CHOICES,
)
from kinerja.evaluation.models.evaluations import Evaluation


class OrganizationRating(TimeStampedModel):
    """The predikat the Pimpinan gives an agency for a window (or the year, `window` None),
    with the recommendations of the planning, HR and audit units."""

    agency = models.ForeignKey(
        "organization.Agency",
        verbose_name=_("perangkat daerah"),
        on_delete=models.PROTECT,
        related_name="organization_ratings",
    )
    period = models.ForeignKey(
        "periods.PerformancePeriod",
        verbose_name=_("periode penilaian"),
        on_delete=models.PROTECT,
        related_name="organization_ratings",
    )
    window = models.ForeignKey(
        "periods.EvaluationWindow",
        verbose_name=_("evaluasi periodik"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organization_ratings",
    )
    predikat = models.CharField(
        _("predikat kinerja organisasi"), max_length=16, choices=ORGANIZATION_PREDIKAT_CHOICES
    )
    planning_note = models.TextField(_("rekomendasi unit perencanaan"), blank=True)
    hr_note = models.TextField(_("rekomendasi unit kepegawaian"), blank=True)
    audit_note = models.TextField(_("rekomendasi unit pengawasan"), blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditetapkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("predikat kinerja organisasi")
        verbose_name_plural = _("predikat kinerja organisasi")
        ordering = ["period", "agency", "window__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "period", "window"],
                condition=models.Q(window__isnull=False),
                name="evaluation_one_org_rating_per_window",
            ),
            models.UniqueConstraint(
                fields=["agency", "period"],
                condition=models.Q(window__isnull=True),
                name="evaluation_one_annual_org_rating",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.period_id}/{self.window_id or 'tahunan'}: {self.predikat}"


class CalibrationState(models.TextChoices):
    OPEN = "OPEN", _("Berlangsung")
    LOCKED = "LOCKED", _("Dikunci")


class CalibrationSession(TimeStampedModel):
    """BKPSDM and the leaders review an agency's ratings for a window (or the year) on the
    3 x 3 grid; moves are recorded in `CalibrationMove`; locking fixes the group's results.
    `justification` is required when the spread departs from the distribution guidance at
    lock time; `violations` keeps the sentences that were shown then."""

    agency = models.ForeignKey(
        "organization.Agency",
        verbose_name=_("perangkat daerah"),
        on_delete=models.PROTECT,
        related_name="calibrations",
    )
    period = models.ForeignKey(
        "periods.PerformancePeriod",
        verbose_name=_("periode penilaian"),
        on_delete=models.PROTECT,
        related_name="calibrations",
    )
    window = models.ForeignKey(
        "periods.EvaluationWindow",
        verbose_name=_("evaluasi periodik"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="calibrations",
    )
    state = models.CharField(
        _("status"), max_length=8, choices=CalibrationState.choices, default=CalibrationState.OPEN
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuka oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dikunci oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    locked_at = models.DateTimeField(_("dikunci"), null=True, blank=True)
    justification = models.TextField(_("justifikasi penyimpangan distribusi"), blank=True)
    violations = models.JSONField(_("penyimpangan saat dikunci"), default=list, blank=True)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("sesi kalibrasi")
        verbose_name_plural = _("sesi kalibrasi")
        ordering = ["-period__year", "agency", "window__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "period", "window"],
                condition=models.Q(window__isnull=False),
                name="evaluation_one_calibration_per_window",
            ),
            models.UniqueConstraint(
                fields=["agency", "period"],
                condition=models.Q(window__isnull=True),
                name="evaluation_one_annual_calibration",
            ),
        ]

    def __str__(self) -> str:
        return f"Kalibrasi {self.agency_id} {self.period_id}/{self.window_id or 'tahunan'}"


class CalibrationField(models.TextChoices):
    RESULTS = "RESULTS", _("Rating hasil kerja")
    BEHAVIOR = "BEHAVIOR", _("Rating perilaku kerja")


class CalibrationMove(models.Model):
    """One rating moved in a calibration session: before, after, who and why."""

    session = models.ForeignKey(
        CalibrationSession,
        verbose_name=_("sesi kalibrasi"),
        on_delete=models.CASCADE,
        related_name="moves",
    )
    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("penilaian"), on_delete=models.PROTECT, related_name="moves"
    )
    field = models.CharField(_("rating"), max_length=8, choices=CalibrationField.choices)
    before = models.CharField(_("sebelum"), max_length=5, choices=RATING_CHOICES)
    after = models.CharField(_("sesudah"), max_length=5, choices=RATING_CHOICES)
    predikat_before = models.CharField(
        _("predikat sebelum"), max_length=16, choices=PREDIKAT_CHOICES, blank=True
    )
    predikat_after = models.CharField(
        _("predikat sesudah"), max_length=16, choices=PREDIKAT_CHOICES, blank=True
    )
    reason = models.TextField(_("alasan"))
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("digeser oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("pergeseran rating")
        verbose_name_plural = _("pergeseran rating")
        ordering = ["session", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.evaluation_id} {self.field}: {self.before} -> {self.after}"
