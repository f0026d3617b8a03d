"""The city's structure: agencies (OPD), with validity dates because the real world changes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel


class AgencyKind(models.TextChoices):
    SEKRETARIAT = "SEKRETARIAT", _("Sekretariat")
    INSPEKTORAT = "INSPEKTORAT", _("Inspektorat")
    BADAN = "BADAN", _("Badan")
    DINAS = "DINAS", _("Dinas")
    RSUD = "RSUD", _("RSUD")
    KECAMATAN = "KECAMATAN", _("Kecamatan")
    KELURAHAN = "KELURAHAN", _("Kelurahan")


class Agency(TimeStampedModel):
    """A Perangkat Daerah (OPD). A kelurahan belongs to its kecamatan through `parent`."""

    code = models.SlugField(_("kode"), max_length=80, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("berlaku sejak"), null=True, blank=True)
    valid_to = models.DateField(_("berlaku sampai"), null=True, blank=True)

    class Meta:
        verbose_name = _("perangkat daerah")
        verbose_name_plural = _("perangkat daerah")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="organization_agency_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PositionKind(models.TextChoices):
    """Kinds of post (reference/grades.json `position_kinds`)."""

    JPT = "JPT", _("Jabatan Pimpinan Tinggi")
    ADMINISTRATOR = "ADMINISTRATOR", _("Administrator")
    PENGAWAS = "PENGAWAS", _("Pengawas")
    PELAKSANA = "PELAKSANA", _("Pelaksana")
    FUNGSIONAL_KEAHLIAN = "FUNGSIONAL_KEAHLIAN", _("Fungsional Keahlian")
    FUNGSIONAL_KETERAMPILAN = "FUNGSIONAL_KETERAMPILAN", _("Fungsional Keterampilan")


class Unit(TimeStampedModel):
    """A division inside an agency (sekretariat, bidang, subbagian, seksi, UPT, puskesmas)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("perangkat daerah"), on_delete=models.PROTECT, related_name="units"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("unit induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.SlugField(_("kode"), max_length=120)
    name = models.CharField(_("nama"), max_length=200)
    valid_from = models.DateField(_("berlaku sejak"), null=True, blank=True)
    valid_to = models.DateField(_("berlaku sampai"), null=True, blank=True)

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["agency", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "code"], name="organization_unit_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Position(TimeStampedModel):
    """A post (jabatan). `supervisor` is the supervising position; None for a head of agency,
    whose appraiser is the Wali Kota (reference/REGULATIONS.md, appraiser table)."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("perangkat daerah"),
        on_delete=models.PROTECT,
        related_name="positions",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit kerja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="positions",
    )
    name = models.CharField(_("nama jabatan"), max_length=250)
    kind = models.CharField(_("jenis jabatan"), max_length=30, choices=PositionKind.choices)
    level = models.CharField(
        _("jenjang"),
        max_length=30,
        blank=True,
        help_text=_("mis. Pratama, Ahli Muda, Terampil; kosong bila tidak berjenjang"),
    )
    supervisor = models.ForeignKey(
        "self",
        verbose_name=_("jabatan atasan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subordinate_positions",
    )
    is_head_of_agency = models.BooleanField(_("kepala perangkat daerah"), default=False)
    valid_from = models.DateField(_("berlaku sejak"), null=True, blank=True)
    valid_to = models.DateField(_("berlaku sampai"), null=True, blank=True)

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["agency", "name"]
        indexes = [models.Index(fields=["agency", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(supervisor=models.F("pk")),
                name="organization_position_not_own_supervisor",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ServiceUnit(TimeStampedModel):
    """A front office of a unit that serves citizens and is surveyed (SKM)."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="service_units"
    )
    name = models.CharField(_("nama unit layanan"), max_length=200)
    slug = models.SlugField(_("alamat singkat"), max_length=80, unique=True)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("unit layanan")
        verbose_name_plural = _("unit layanan")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
