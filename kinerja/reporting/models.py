"""Summary tables of the dashboards: figures computed by the refresh job from the apps below
(planning, monitoring, evaluation, surveys, assessment, learning, appeals), so that a dashboard
page reads a few hundred summary rows instead of a year of records of 100,000 employees.

They are derived data: the refresh replaces a period's rows in one transaction, and nothing
else writes them. A figure that is not per unit (the organisation rating) has `unit` null.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Panel(models.TextChoices):
    """The dashboard's panels, in page order."""

    EMPLOYEES = "EMPLOYEES", _("Pegawai")
    PLANS = "PLANS", _("Penyusunan SKP")
    REALIZATIONS = "REALIZATIONS", _("Ketepatan waktu realisasi")
    PREDIKAT = "PREDIKAT", _("Sebaran predikat kinerja pegawai")
    ORG_RATING = "ORG_RATING", _("Predikat kinerja organisasi")
    IKM = "IKM", _("Indeks Kepuasan Masyarakat")
    OBJECTIONS = "OBJECTIONS", _("Keberatan dan umurnya")
    FEEDBACK360 = "FEEDBACK360", _("Kelengkapan umpan balik 360°")
    DEVELOPMENT = "DEVELOPMENT", _("Pengembangan kompetensi (JP)")


class UnitFigure(models.Model):
    """One count (and an optional amount, e.g. a sum of JP or of days) of one category of one
    panel, for one unit (or the agency as a whole when `unit` is null), in one period."""

    period = models.ForeignKey(
        "periods.PerformancePeriod", on_delete=models.CASCADE, related_name="+"
    )
    agency = models.ForeignKey("organization.Agency", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(
        "organization.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    panel = models.CharField(_("panel"), max_length=12, choices=Panel.choices)
    category = models.CharField(_("kategori"), max_length=40)
    count = models.PositiveIntegerField(_("jumlah"), default=0)
    amount = models.DecimalField(_("besaran"), max_digits=16, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("angka ringkasan")
        verbose_name_plural = _("angka ringkasan")
        indexes = [
            models.Index(fields=["period", "panel", "agency"]),
            models.Index(fields=["period", "agency", "unit"]),
        ]

    def __str__(self) -> str:
        return f"{self.period_id}/{self.agency_id}/{self.unit_id} {self.panel}:{self.category}"


class Ranking(models.TextChoices):
    """The top-and-bottom lists."""

    BELOW_TARGET = "BELOW_TARGET", _("Indikator paling sering di bawah target")
    LOW_IKM_ELEMENT = "LOW_IKM_ELEMENT", _("Unit layanan dengan unsur IKM terendah")
    LATE_PLANS = "LATE_PLANS", _("Unit kerja dengan SKP terlambat")


class RankedItem(models.Model):
    """One place in a top-and-bottom list of a scope: the city (`agency` null), an agency
    (`unit` null) or a unit. `target_id` is what the line links to (an employee, a service
    unit or a unit, by ranking)."""

    period = models.ForeignKey(
        "periods.PerformancePeriod", on_delete=models.CASCADE, related_name="+"
    )
    ranking = models.CharField(_("daftar"), max_length=20, choices=Ranking.choices)
    agency = models.ForeignKey(
        "organization.Agency", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        "organization.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("urutan"))
    label = models.CharField(_("nama"), max_length=500)
    detail = models.CharField(_("keterangan"), max_length=500, blank=True)
    value = models.DecimalField(_("nilai"), max_digits=16, decimal_places=2, default=0)
    count = models.PositiveIntegerField(_("jumlah"), default=0)
    target_id = models.PositiveBigIntegerField(_("tautan ke"), null=True, blank=True)

    class Meta:
        verbose_name = _("peringkat")
        verbose_name_plural = _("peringkat")
        ordering = ["ranking", "position"]
        indexes = [models.Index(fields=["period", "agency", "unit", "ranking"])]

    def __str__(self) -> str:
        return f"{self.ranking} #{self.position}: {self.label}"


class SummaryRefresh(models.Model):
    """When a period's summary was last computed, how long it took and how many rows it wrote."""

    period = models.OneToOneField(
        "periods.PerformancePeriod", on_delete=models.CASCADE, related_name="+"
    )
    refreshed_at = models.DateTimeField(_("diperbarui"))
    seconds = models.DecimalField(_("lama (detik)"), max_digits=10, decimal_places=2)
    figures = models.PositiveIntegerField(_("angka"), default=0)
    ranked = models.PositiveIntegerField(_("peringkat"), default=0)

    class Meta:
        verbose_name = _("pembaruan ringkasan")
        verbose_name_plural = _("pembaruan ringkasan")

    def __str__(self) -> str:
        return f"{self.period_id} @ {self.refreshed_at:%Y-%m-%d %H:%M}"
