"""Employees (ASN) and their assignments to positions over time."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel


class EmploymentType(models.TextChoices):
    PNS = "PNS", _("PNS")
    PPPK = "PPPK", _("PPPK")


class Gender(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class EmployeeStatus(models.TextChoices):
    ACTIVE = "ACTIVE", _("Aktif")
    RETIRED = "RETIRED", _("Pensiun")
    TRANSFERRED = "TRANSFERRED", _("Pindah keluar")


def titled_name(prefix: str, name: str, suffix: str) -> str:
    """`Employee.full_name` from plain values, for lists built from `values()` rows."""
    shown = f"{prefix} {name}".strip() if prefix else name
    return f"{shown}, {suffix}" if suffix else shown


class Employee(TimeStampedModel):
    """An ASN. NIP, gender and birth date must agree (kinerja.scoring.nip).

    `home_agency` and `home_unit` are a stored copy of the employee's home: the agency and the
    post's unit of their most recent definitive (non-acting) assignment. Only
    `kinerja.people.holdings.employee_homes_refresh` writes them, called by every writer of
    assignments inside its transaction; it finds nothing to change when the copy is right.
    """

    nip = models.CharField(_("NIP"), max_length=18, unique=True)
    employment_type = models.CharField(
        _("jenis kepegawaian"), max_length=4, choices=EmploymentType.choices
    )
    name = models.CharField(_("nama"), max_length=200, db_index=True)
    title_prefix = models.CharField(_("gelar depan"), max_length=50, blank=True)
    title_suffix = models.CharField(_("gelar belakang"), max_length=80, blank=True)
    gender = models.CharField(_("jenis kelamin"), max_length=1, choices=Gender.choices)
    birth_date = models.DateField(_("tanggal lahir"))
    grade = models.CharField(_("golongan"), max_length=6)
    status = models.CharField(
        _("status"), max_length=12, choices=EmployeeStatus.choices, default=EmployeeStatus.ACTIVE
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employee",
    )
    home_agency = models.ForeignKey(
        "organization.Agency",
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="home_employees",
        db_index=False,  # led by the (home_agency, name, id) index below
    )
    home_unit = models.ForeignKey(
        "organization.Unit",
        verbose_name=_("unit kerja"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="home_employees",
        db_index=False,  # led by the (home_unit, name, id) index below
    )

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["name"]
        indexes = [
            # The employee list of one agency (or unit) in its order, name then id: an index
            # range scan that stops after one page; also the GROUP BY of reports.
            models.Index(fields=["home_agency", "name", "id"], name="people_empl_home_agency_name"),
            models.Index(fields=["home_unit", "name", "id"], name="people_empl_home_unit_name"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """Name with academic titles as written on official documents: "Dr. Ani, S.E., M.M."."""
        return titled_name(self.title_prefix, self.name, self.title_suffix)


class Assignment(TimeStampedModel):
    """An employee holding a position from `start_date` to `end_date` (inclusive; None = open).

    `is_acting` marks a Plt/Plh: an acting official holding a second position while the post
    is vacant or its holder is away. At most one non-acting holder per position at a time.
    """

    class ActingKind(models.TextChoices):
        PLT = "PLT", _("Plt (Pelaksana Tugas)")
        PLH = "PLH", _("Plh (Pelaksana Harian)")

    employee = models.ForeignKey(
        Employee, verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="assignments"
    )
    position = models.ForeignKey(
        "organization.Position",
        verbose_name=_("jabatan"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(_("selesai"), null=True, blank=True)
    is_acting = models.BooleanField(_("Plt/Plh"), default=False)
    acting_kind = models.CharField(
        _("jenis Plt/Plh"), max_length=3, choices=ActingKind.choices, blank=True
    )
    note = models.CharField(_("keterangan"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("penugasan")
        verbose_name_plural = _("penugasan")
        ordering = ["-start_date"]
        indexes = [
            models.Index(fields=["position", "start_date"]),
            models.Index(fields=["employee", "start_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="people_assignment_ends_after_start",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
            models.UniqueConstraint(
                fields=["position"],
                condition=models.Q(end_date__isnull=True, is_acting=False),
                name="people_assignment_one_open_holder",
                violation_error_message=_("Jabatan ini sudah dipegang pejabat definitif."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee} — {self.position}"
