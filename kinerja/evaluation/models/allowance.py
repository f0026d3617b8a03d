"""The allowance (TPP) scheme and monthly attendance."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel


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
