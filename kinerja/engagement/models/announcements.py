"""Announcements (pengumuman) to the city, one agency, one unit or one role, with read receipts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel


class Audience(models.TextChoices):
    CITY = "CITY", _("Seluruh pegawai Pemerintah Kota")
    AGENCY = "AGENCY", _("Satu perangkat daerah")
    UNIT = "UNIT", _("Satu unit kerja")
    ROLE = "ROLE", _("Satu peran")


class AudienceRole(models.TextChoices):
    """The roles a guide, a tour or an announcement is written for. PEGAWAI and ATASAN follow
    from the user's post on the day; the others are the stored account roles."""

    PEGAWAI = "PEGAWAI", _("Pegawai")
    ATASAN = "ATASAN", _("Atasan / pejabat penilai")
    ADMIN_OPD = "ADMIN_OPD", _("Admin OPD")
    ADMIN_BKPSDM = "ADMIN_BKPSDM", _("Admin BKPSDM")
    PIMPINAN = "PIMPINAN", _("Pimpinan")
    INSPEKTORAT = "INSPEKTORAT", _("Inspektorat")


class Announcement(TimeStampedModel):
    """Written in Markdown (rendered sanitised). Shown from `published_at` until `expires_on`
    (inclusive; None = no end) to its audience; on the home page until the reader has read it.
    `agency` is set for AGENCY and UNIT (the unit's agency), `unit` for UNIT, `role` for ROLE."""

    title = models.CharField(_("judul"), max_length=150)
    body = models.TextField(_("isi"))
    audience = models.CharField(_("sasaran"), max_length=8, choices=Audience.choices)
    agency = models.ForeignKey(
        "organization.Agency",
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        "organization.Unit",
        verbose_name=_("unit kerja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("peran"), max_length=12, choices=AudienceRole.choices, blank=True)
    is_important = models.BooleanField(_("penting"), default=False)
    published_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True)
    expires_on = models.DateField(_("berlaku sampai"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penulis"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["audience", "published_at"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(audience="CITY", agency__isnull=True, unit__isnull=True, role="")
                    | models.Q(audience="AGENCY", agency__isnull=False, unit__isnull=True, role="")
                    | models.Q(audience="UNIT", agency__isnull=False, unit__isnull=False, role="")
                    | (models.Q(audience="ROLE", unit__isnull=True) & ~models.Q(role=""))
                ),
                name="engagement_announcement_audience_fields",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class AnnouncementRead(models.Model):
    """A read receipt: this user opened (or marked as read) this announcement."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(_("dibaca"), auto_now_add=True)

    class Meta:
        verbose_name = _("tanda baca")
        verbose_name_plural = _("tanda baca")
        constraints = [
            models.UniqueConstraint(fields=["announcement", "user"], name="engagement_read_once")
        ]

    def __str__(self) -> str:
        return f"{self.announcement_id} dibaca oleh {self.user_id}"
