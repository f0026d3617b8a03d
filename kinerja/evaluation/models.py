"""Evaluation: ratings of a window or of the year, the organisation's predikat, calibration
sessions with their moves, and the allowance (TPP) scheme with monthly attendance.

Rules live in `rules.py`, `permissions.py` and the services; this module only stores.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel
from kinerja.scoring.ratings import OrganizationPredikat, Predikat, Rating

RATING_CHOICES = Rating.choices()
PREDIKAT_CHOICES = Predikat.choices()
ORGANIZATION_PREDIKAT_CHOICES = OrganizationPredikat.choices()

# --- the employee's evaluation -----------------------------------------------------------


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


# --- the organisation --------------------------------------------------------------------


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


# --- calibration -------------------------------------------------------------------------


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


# --- allowance (TPP) ---------------------------------------------------------------------


class AllowanceScheme(TimeStampedModel):
    """How the performance allowance (TPP) is shared: a percentage paid on performance and one
    on attendance (summing to 100), and the share of the performance part paid for each
    predikat. The scheme in force for a month is the latest `valid_from` on or before it."""

    name = models.CharField(_("nama skema"), max_length=200)
    valid_from = models.DateField(_("berlaku sejak"), unique=True)
    performance_share = models.DecimalField(_("porsi kinerja (%)"), max_digits=5, decimal_places=2)
    attendance_share = models.DecimalField(_("porsi kehadiran (%)"), max_digits=5, decimal_places=2)
    multiplier_sangat_baik = models.DecimalField(
        _("pengali Sangat Baik (%)"), max_digits=5, decimal_places=2
    )
    multiplier_baik = models.DecimalField(_("pengali Baik (%)"), max_digits=5, decimal_places=2)
    multiplier_butuh_perbaikan = models.DecimalField(
        _("pengali Butuh Perbaikan (%)"), max_digits=5, decimal_places=2
    )
    multiplier_kurang = models.DecimalField(
        _("pengali Kurang/Misconduct (%)"), max_digits=5, decimal_places=2
    )
    multiplier_sangat_kurang = models.DecimalField(
        _("pengali Sangat Kurang (%)"), max_digits=5, decimal_places=2
    )
    source = models.CharField(_("dasar hukum"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("skema TPP")
        verbose_name_plural = _("skema TPP")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return self.name


class AttendanceRecord(TimeStampedModel):
    """An employee's attendance in one month: working days and days present (entered on the
    page or imported from the attendance system's file)."""

    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="attendance",
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    month = models.PositiveSmallIntegerField(_("bulan"))
    working_days = models.PositiveSmallIntegerField(_("hari kerja"))
    present_days = models.PositiveSmallIntegerField(_("hari hadir"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("kehadiran bulanan")
        verbose_name_plural = _("kehadiran bulanan")
        ordering = ["year", "month", "employee"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "year", "month"], name="evaluation_one_attendance_per_month"
            ),
            models.CheckConstraint(
                condition=models.Q(present_days__lte=models.F("working_days")),
                name="evaluation_present_within_working_days",
                violation_error_message=_("Hari hadir tidak boleh melebihi hari kerja."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.month}/{self.year}"
