"""Guides and FAQ (panduan, tanya jawab) in Markdown, and the first-login tour's record."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel
from kinerja.engagement.models.announcements import AudienceRole


class GuideKind(models.TextChoices):
    GUIDE = "GUIDE", _("Panduan")
    FAQ = "FAQ", _("Tanya jawab")


class Guide(TimeStampedModel):
    """A help page. `role` (blank = everyone) is who it is written for; `pages` lists the URL
    names (`namespace:name`) of the screens it explains, one per line: the "Bantuan" link of
    those screens opens it. The body is Markdown, rendered sanitised."""

    slug = models.SlugField(_("alamat"), max_length=80, unique=True)
    title = models.CharField(_("judul"), max_length=150)
    kind = models.CharField(_("jenis"), max_length=5, choices=GuideKind.choices)
    role = models.CharField(_("peran"), max_length=12, choices=AudienceRole.choices, blank=True)
    summary = models.CharField(_("ringkasan"), max_length=250, blank=True)
    body = models.TextField(_("isi"))
    pages = models.TextField(_("halaman yang dijelaskan"), blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=100)
    is_published = models.BooleanField(_("terbit"), default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diubah oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("panduan")
        verbose_name_plural = _("panduan")
        ordering = ["kind", "order", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def page_names(self) -> list[str]:
        return [line.strip() for line in self.pages.splitlines() if line.strip()]


class TourSeen(models.Model):
    """The user has started, finished or skipped the first-login tour: it is not offered again."""

    class Outcome(models.TextChoices):
        STARTED = "STARTED", _("dimulai")
        FINISHED = "FINISHED", _("selesai")
        SKIPPED = "SKIPPED", _("dilewati")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("peran"), max_length=12, choices=AudienceRole.choices)
    outcome = models.CharField(_("hasil"), max_length=8, choices=Outcome.choices)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("tur perkenalan")
        verbose_name_plural = _("tur perkenalan")

    def __str__(self) -> str:
        return f"tur {self.user_id}: {self.outcome}"
