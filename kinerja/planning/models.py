"""SKP: organisation goals (Perjanjian Kinerja), plans, results (RHK) cascaded from the
supervisor's results, indicators (IKI) with targets, leader expectations and the annex.

Rules (who may write what, which targets are valid, which contributions are allowed) live in
`services.py` and `rules.py`; this module only stores.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel
from kinerja.scoring.achievement import Polarity, ResultKind


class Perspective(models.TextChoices):
    """Perspective of a head of agency's result (reference/REGULATIONS.md, SKP JPT) [I]."""

    SERVICE_RECIPIENTS = "SERVICE_RECIPIENTS", _("Penerima Layanan")
    BUSINESS_PROCESS = "BUSINESS_PROCESS", _("Proses Bisnis")
    INTERNAL = "INTERNAL", _("Penguatan Internal")
    BUDGET = "BUDGET", _("Anggaran")


class TargetKind(models.TextChoices):
    NUMBER = "NUMBER", _("Angka")
    RANGE = "RANGE", _("Rentang")
    DESCRIBED = "DESCRIBED", _("Deskripsi (kualitatif)")


class Target(models.Model):
    """A target: a positive number with a unit, a range min < max, or a description.

    Validated by `kinerja.planning.rules.target_errors`, which every entrance calls.
    """

    target_kind = models.CharField(
        _("jenis target"), max_length=10, choices=TargetKind.choices, default=TargetKind.NUMBER
    )
    target_value = models.DecimalField(
        _("target"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target_max = models.DecimalField(
        _("target maksimum"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target_unit = models.CharField(_("satuan"), max_length=60, blank=True)
    target_description = models.TextField(_("uraian target"), blank=True)

    class Meta:
        abstract = True


class OrganizationGoal(TimeStampedModel):
    """A strategic goal (sasaran strategis) of an agency's Perjanjian Kinerja for a period."""

    agency = models.ForeignKey(
        "organization.Agency",
        verbose_name=_("perangkat daerah"),
        on_delete=models.PROTECT,
        related_name="goals",
    )
    period = models.ForeignKey(
        "periods.PerformancePeriod",
        verbose_name=_("periode penilaian"),
        on_delete=models.PROTECT,
        related_name="goals",
    )
    number = models.PositiveSmallIntegerField(_("nomor"))
    statement = models.CharField(_("sasaran strategis"), max_length=500)
    perspective = models.CharField(
        _("perspektif"), max_length=20, choices=Perspective.choices, blank=True
    )

    class Meta:
        verbose_name = _("sasaran strategis")
        verbose_name_plural = _("sasaran strategis")
        ordering = ["agency", "period", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "period", "number"], name="planning_goal_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.statement


class GoalIndicator(Target, TimeStampedModel):
    """An indicator (IKU) of an organisation goal, with its target."""

    goal = models.ForeignKey(
        OrganizationGoal,
        verbose_name=_("sasaran strategis"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    number = models.PositiveSmallIntegerField(_("nomor"))
    text = models.CharField(_("indikator kinerja utama"), max_length=500)
    polarity = models.CharField(
        _("polaritas"),
        max_length=20,
        choices=Polarity.choices(),
        default=Polarity.HIGHER_IS_BETTER.value,
    )

    class Meta:
        verbose_name = _("indikator sasaran")
        verbose_name_plural = _("indikator sasaran")
        ordering = ["goal", "number"]

    def __str__(self) -> str:
        return self.text


class PlanState(models.TextChoices):
    DRAFT = "DRAFT", _("Draf")
    SUBMITTED = "SUBMITTED", _("Diajukan")
    RETURNED = "RETURNED", _("Dikembalikan")
    APPROVED = "APPROVED", _("Disetujui")


class Approach(models.TextChoices):
    QUANTITATIVE = "QUANTITATIVE", _("Kuantitatif")
    QUALITATIVE = "QUALITATIVE", _("Kualitatif")


class PerformancePlan(TimeStampedModel):
    """An employee's SKP for one position in one period (a mid-year move gets a second plan).

    The appraiser is fixed from the chain of command on `start_date` (None with
    `appraiser_is_mayor` when the Wali Kota rates: heads of agency and JPT). `version` is the
    number of the last submitted version (0 before the first submission); `approved_version`
    the version in force. An approved plan changes only through a new version approved again.
    """

    period = models.ForeignKey(
        "periods.PerformancePeriod",
        verbose_name=_("periode penilaian"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="plans"
    )
    position = models.ForeignKey(
        "organization.Position",
        verbose_name=_("jabatan"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(_("selesai"))
    appraiser = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appraised_plans",
    )
    appraiser_position = models.ForeignKey(
        "organization.Position",
        verbose_name=_("jabatan pejabat penilai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    appraiser_is_mayor = models.BooleanField(_("dinilai Wali Kota"), default=False)
    approach = models.CharField(
        _("pendekatan"), max_length=12, choices=Approach.choices, default=Approach.QUANTITATIVE
    )
    state = models.CharField(
        _("status"), max_length=10, choices=PlanState.choices, default=PlanState.DRAFT
    )
    version = models.PositiveIntegerField(_("versi terakhir"), default=0)
    approved_version = models.PositiveIntegerField(_("versi berlaku"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    approved_at = models.DateTimeField(_("disetujui"), null=True, blank=True)
    resource_support = models.TextField(_("dukungan sumber daya"), blank=True)
    accountability_scheme = models.TextField(_("skema pertanggungjawaban"), blank=True)
    consequences = models.TextField(_("konsekuensi"), blank=True)
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("disalin dari"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dimulai oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("SKP")
        verbose_name_plural = _("SKP")
        ordering = ["-period__year", "start_date"]
        indexes = [
            models.Index(fields=["period", "state"]),
            models.Index(fields=["appraiser", "period"]),
            models.Index(fields=["employee", "period"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "employee", "position"],
                name="planning_one_plan_per_employee_position_period",
                violation_error_message=_("SKP untuk pegawai, jabatan dan periode ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="planning_plan_ends_after_start",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
        ]

    def __str__(self) -> str:
        return f"SKP {self.employee} {self.period.year}" if self.period_id else "SKP"


class PlannedResult(TimeStampedModel):
    """A result (RHK) of a plan, main or additional, contributing to the supervisor's result
    (`parent`) or, for a head of agency, to an organisation goal (`goal`)."""

    plan = models.ForeignKey(
        PerformancePlan, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="results"
    )
    kind = models.CharField(
        _("jenis"), max_length=10, choices=ResultKind.choices(), default=ResultKind.UTAMA.value
    )
    number = models.PositiveSmallIntegerField(_("nomor"))
    text = models.CharField(_("rencana hasil kerja"), max_length=500)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("RHK atasan yang diintervensi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    goal = models.ForeignKey(
        OrganizationGoal,
        verbose_name=_("sasaran strategis"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="results",
    )
    perspective = models.CharField(
        _("perspektif"), max_length=20, choices=Perspective.choices, blank=True
    )

    class Meta:
        verbose_name = _("rencana hasil kerja")
        verbose_name_plural = _("rencana hasil kerja")
        ordering = ["plan", "kind", "number"]
        indexes = [models.Index(fields=["parent"]), models.Index(fields=["goal"])]

    def __str__(self) -> str:
        return self.text


class Aspect(models.TextChoices):
    QUANTITY = "QUANTITY", _("Kuantitas")
    QUALITY = "QUALITY", _("Kualitas")
    TIME = "TIME", _("Waktu")
    COST = "COST", _("Biaya")


class IndicatorSource(models.TextChoices):
    MANUAL = "MANUAL", _("Diisi manual")
    SATISFACTION_INDEX = "SATISFACTION_INDEX", _("Indeks kepuasan masyarakat unit layanan")


class Indicator(Target, TimeStampedModel):
    """An individual performance indicator (IKI) of a result, with one aspect and a target."""

    result = models.ForeignKey(
        PlannedResult,
        verbose_name=_("rencana hasil kerja"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    number = models.PositiveSmallIntegerField(_("nomor"))
    aspect = models.CharField(_("aspek"), max_length=10, choices=Aspect.choices)
    text = models.CharField(_("indikator kinerja individu"), max_length=500)
    polarity = models.CharField(
        _("polaritas"),
        max_length=20,
        choices=Polarity.choices(),
        default=Polarity.HIGHER_IS_BETTER.value,
    )
    source = models.CharField(
        _("sumber realisasi"),
        max_length=20,
        choices=IndicatorSource.choices,
        default=IndicatorSource.MANUAL,
    )
    service_unit = models.ForeignKey(
        "organization.ServiceUnit",
        verbose_name=_("unit layanan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    evidence_required = models.BooleanField(_("wajib bukti dukung"), default=True)

    class Meta:
        verbose_name = _("indikator kinerja individu")
        verbose_name_plural = _("indikator kinerja individu")
        ordering = ["result", "number"]

    def __str__(self) -> str:
        return self.text


class LeaderExpectation(TimeStampedModel):
    """Ekspektasi khusus pimpinan for one core value (reference/berakhlak.json codes)."""

    plan = models.ForeignKey(
        PerformancePlan,
        verbose_name=_("SKP"),
        on_delete=models.CASCADE,
        related_name="expectations",
    )
    core_value = models.CharField(_("nilai dasar"), max_length=30)
    text = models.TextField(_("ekspektasi khusus pimpinan"), blank=True)

    class Meta:
        verbose_name = _("ekspektasi khusus pimpinan")
        verbose_name_plural = _("ekspektasi khusus pimpinan")
        ordering = ["plan", "core_value"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "core_value"], name="planning_one_expectation_per_value"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.core_value}: {self.text[:40]}"
