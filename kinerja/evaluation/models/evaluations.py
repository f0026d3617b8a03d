"""The employee's evaluation of a window or the year, with a rating per result and per core
value."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel
from kinerja.evaluation.models.choices import PREDIKAT_CHOICES, RATING_CHOICES


class EvaluationKind(models.TextChoices):
    PERIODIC = "PERIODIC", _("Periodik")
    ANNUAL = "ANNUAL", _("Tahunan")


class EvaluationState(models.TextChoices):
    """Draft while the appraiser works; Ditetapkan when the employee is told; Diterima once
    the employee acknowledges receipt (the objection window runs from then)."""

    DRAFT = "DRAFT", _("Draf")
    RATED = "RATED", _("Ditetapkan")
    ACKNOWLEDGED = "ACKNOWLEDGED", _("Diterima pegawai")


class Evaluation(TimeStampedModel):
    """The appraiser's evaluation of one plan for one window (`window`) or the year (`window`
    None, `kind` ANNUAL). Each rating is stored with the suggestion shown when it was set
    and the reason for departing from it. `predikat` follows from the two ratings through the
    matrix. `locked_at` is set when calibration locks the group; after that only an objection
    decision changes it."""

    plan = models.ForeignKey(
        "planning.PerformancePlan",
        verbose_name=_("SKP"),
        on_delete=models.PROTECT,
        related_name="evaluations",
    )
    window = models.ForeignKey(
        "periods.EvaluationWindow",
        verbose_name=_("evaluasi periodik"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluations",
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=EvaluationKind.choices)
    state = models.CharField(
        _("status"), max_length=12, choices=EvaluationState.choices, default=EvaluationState.DRAFT
    )
    results_rating = models.CharField(
        _("rating hasil kerja"), max_length=5, choices=RATING_CHOICES, blank=True
    )
    results_suggestion = models.CharField(
        _("saran rating hasil kerja"), max_length=5, choices=RATING_CHOICES, blank=True
    )
    results_suggestion_text = models.TextField(_("dasar saran rating hasil kerja"), blank=True)
    results_reason = models.TextField(_("alasan rating hasil kerja"), blank=True)
    results_from_organization = models.BooleanField(
        _("mengikuti predikat organisasi"), default=False
    )
    behavior_rating = models.CharField(
        _("rating perilaku kerja"), max_length=5, choices=RATING_CHOICES, blank=True
    )
    behavior_suggestion = models.CharField(
        _("saran rating perilaku kerja"), max_length=5, choices=RATING_CHOICES, blank=True
    )
    behavior_suggestion_text = models.TextField(_("dasar saran rating perilaku"), blank=True)
    behavior_reason = models.TextField(_("alasan rating perilaku kerja"), blank=True)
    predikat = models.CharField(
        _("predikat kinerja"), max_length=16, choices=PREDIKAT_CHOICES, blank=True
    )
    early_reason = models.TextField(_("alasan menilai sebelum realisasi ditutup"), blank=True)
    appraiser = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditetapkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rated_at = models.DateTimeField(_("ditetapkan"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("diterima pegawai"), null=True, blank=True)
    locked_at = models.DateTimeField(_("dikunci"), null=True, blank=True)
    calibration = models.ForeignKey(
        "CalibrationSession",
        verbose_name=_("sesi kalibrasi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="locked_evaluations",
    )

    class Meta:
        verbose_name = _("penilaian kinerja")
        verbose_name_plural = _("penilaian kinerja")
        ordering = ["plan", "kind", "window__number"]
        indexes = [
            models.Index(fields=["window", "state"]),
            models.Index(fields=["kind", "state"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "window"],
                condition=models.Q(window__isnull=False),
                name="evaluation_one_per_plan_window",
                violation_error_message=_("Penilaian SKP ini untuk periode ini sudah ada."),
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(window__isnull=True),
                name="evaluation_one_annual_per_plan",
                violation_error_message=_("Penilaian tahunan SKP ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="ANNUAL", window__isnull=True)
                    | models.Q(kind="PERIODIC", window__isnull=False)
                ),
                name="evaluation_kind_matches_window",
            ),
        ]

    def __str__(self) -> str:
        return f"Penilaian {self.plan_id} / {self.window_id or 'tahunan'}"


class ResultRating(models.Model):
    """The rating of one result (RHK) in an evaluation, beside the suggestion from its
    indicators' achievements (`suggestion` blank when none was known)."""

    evaluation = models.ForeignKey(
        Evaluation,
        verbose_name=_("penilaian"),
        on_delete=models.CASCADE,
        related_name="result_ratings",
    )
    result = models.ForeignKey(
        "planning.PlannedResult",
        verbose_name=_("rencana hasil kerja"),
        on_delete=models.PROTECT,
        related_name="ratings",
    )
    mean_achievement = models.DecimalField(
        _("rata-rata capaian (%)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    suggestion = models.CharField(_("saran"), max_length=5, choices=RATING_CHOICES, blank=True)
    suggestion_text = models.TextField(_("dasar saran"), blank=True)
    rating = models.CharField(_("rating"), max_length=5, choices=RATING_CHOICES, blank=True)
    reason = models.TextField(_("alasan"), blank=True)

    class Meta:
        verbose_name = _("rating hasil kerja")
        verbose_name_plural = _("rating hasil kerja")
        ordering = ["evaluation", "result__kind", "result__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "result"], name="evaluation_one_rating_per_result"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.result_id}: {self.rating or '-'}"


class BehaviorRating(models.Model):
    """The rating of one core value (BerAKHLAK code) in an evaluation, with the appraiser's
    note on what was observed."""

    evaluation = models.ForeignKey(
        Evaluation,
        verbose_name=_("penilaian"),
        on_delete=models.CASCADE,
        related_name="behavior_ratings",
    )
    core_value = models.CharField(_("nilai dasar"), max_length=30)
    rating = models.CharField(_("rating"), max_length=5, choices=RATING_CHOICES, blank=True)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("rating perilaku kerja")
        verbose_name_plural = _("rating perilaku kerja")
        ordering = ["evaluation", "core_value"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "core_value"], name="evaluation_one_rating_per_value"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.core_value}: {self.rating or '-'}"
