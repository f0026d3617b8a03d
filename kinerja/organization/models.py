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
