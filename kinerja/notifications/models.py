"""The in-app inbox (kotak masuk) and each user's choice of channel.

A `Notification` is written by `services.notify` inside the service transaction that caused it
(a plan returned, feedback received, …) or by a reminder; `key` makes a reminder unique per
recipient, so sending reminders twice writes nothing twice. Email is sent after the commit,
once per notification (`emailed_at`), only to users whose `NotificationPreference.channel` is
inbox and email.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    PLAN_RETURNED = "PLAN_RETURNED", _("SKP dikembalikan")
    PLAN_SUBMITTED = "PLAN_SUBMITTED", _("SKP diajukan")
    PLAN_APPROVED = "PLAN_APPROVED", _("SKP disetujui")
    REALIZATION_DUE = "REALIZATION_DUE", _("Realisasi jatuh tempo")
    REALIZATION_SUBMITTED = "REALIZATION_SUBMITTED", _("Realisasi diajukan")
    REALIZATION_RETURNED = "REALIZATION_RETURNED", _("Realisasi dikembalikan")
    REALIZATION_ACCEPTED = "REALIZATION_ACCEPTED", _("Realisasi diterima")
    FEEDBACK_RECEIVED = "FEEDBACK_RECEIVED", _("Umpan balik diterima")
    FEEDBACK_REQUESTED = "FEEDBACK_REQUESTED", _("Permintaan umpan balik")
    FEEDBACK_REPLIED = "FEEDBACK_REPLIED", _("Tanggapan umpan balik")
    FEEDBACK_DECLINED = "FEEDBACK_DECLINED", _("Permintaan umpan balik ditolak")
    DIALOGUE_SCHEDULED = "DIALOGUE_SCHEDULED", _("Dialog kinerja dijadwalkan")
    DIALOGUE_RECORDED = "DIALOGUE_RECORDED", _("Dialog kinerja dicatat")
    DIALOGUE_CANCELLED = "DIALOGUE_CANCELLED", _("Dialog kinerja dibatalkan")
    ACTION_OVERDUE = "ACTION_OVERDUE", _("Tindak lanjut lewat batas")
    EVALUATION_RATED = "EVALUATION_RATED", _("Hasil penilaian ditetapkan")
    EVALUATION_CHANGED = "EVALUATION_CHANGED", _("Hasil penilaian diubah dalam kalibrasi")
    EVALUATION_ACKNOWLEDGED = "EVALUATION_ACKNOWLEDGED", _("Hasil penilaian diterima pegawai")
    EVALUATION_LOCKED = "EVALUATION_LOCKED", _("Hasil penilaian dikunci")
    REVIEW_LIST_PREPARED = "REVIEW_LIST_PREPARED", _("Daftar penilai 360 disusun")
    REVIEW_LIST_NOMINATED = "REVIEW_LIST_NOMINATED", _("Nominasi penilai 360")
    REVIEW_REQUESTED = "REVIEW_REQUESTED", _("Permintaan umpan balik 360")
    REVIEW_DUE = "REVIEW_DUE", _("Pengingat umpan balik 360")
    REVIEW_RESULTS_READY = "REVIEW_RESULTS_READY", _("Hasil umpan balik 360 tersedia")
    OBJECTION_FILED = "OBJECTION_FILED", _("Keberatan diajukan")
    OBJECTION_EXPLAINED = "OBJECTION_EXPLAINED", _("Penjelasan keberatan")
    OBJECTION_ANSWERED = "OBJECTION_ANSWERED", _("Tanggapan keberatan")
    OBJECTION_DECIDED = "OBJECTION_DECIDED", _("Keberatan diputus")
    OBJECTION_WITHDRAWN = "OBJECTION_WITHDRAWN", _("Keberatan dicabut")
    OBJECTION_DUE = "OBJECTION_DUE", _("Pengingat keberatan")
    DEVELOPMENT_PLAN_PROPOSED = "DEVELOPMENT_PLAN_PROPOSED", _("Rencana pengembangan diajukan")
    DEVELOPMENT_PLAN_AGREED = "DEVELOPMENT_PLAN_AGREED", _("Rencana pengembangan disepakati")
    DEVELOPMENT_PLAN_RETURNED = "DEVELOPMENT_PLAN_RETURNED", _("Rencana pengembangan dikembalikan")
    DEVELOPMENT_ITEM_COMPLETED = "DEVELOPMENT_ITEM_COMPLETED", _("Kegiatan pengembangan selesai")
    DEVELOPMENT_ITEM_CONFIRMED = (
        "DEVELOPMENT_ITEM_CONFIRMED",
        _("Kegiatan pengembangan dikonfirmasi"),
    )
    DEVELOPMENT_ITEM_REJECTED = "DEVELOPMENT_ITEM_REJECTED", _("Konfirmasi kegiatan ditolak")
    DEVELOPMENT_COACHING_REQUIRED = "DEVELOPMENT_COACHING", _("Bimbingan kinerja diwajibkan")
    SUGGESTION_ANSWERED = "SUGGESTION_ANSWERED", _("Saran dijawab")


class Channel(models.TextChoices):
    INBOX_AND_EMAIL = "INBOX_AND_EMAIL", _("Kotak masuk dan email")
    INBOX_ONLY = "INBOX_ONLY", _("Kotak masuk saja")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penerima"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("jenis"), max_length=30, choices=NotificationKind.choices)
    title = models.CharField(_("judul"), max_length=200)
    text = models.TextField(_("isi"), blank=True)
    url = models.CharField(_("tautan"), max_length=300, blank=True)
    key = models.CharField(
        _("kunci"),
        max_length=120,
        blank=True,
        help_text=_("Unik per penerima bila diisi: pengingat yang sama tidak dikirim dua kali."),
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)
    email_wanted = models.BooleanField(_("dikirim lewat email"), default=False)
    emailed_at = models.DateTimeField(_("email terkirim"), null=True, blank=True)

    class Meta:
        verbose_name = _("pemberitahuan")
        verbose_name_plural = _("pemberitahuan")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(
                fields=["email_wanted", "emailed_at"],
                name="notifications_email_queue",
                condition=models.Q(email_wanted=True, emailed_at__isnull=True),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=~models.Q(key=""),
                name="notifications_one_per_key",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class NotificationPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    channel = models.CharField(
        _("saluran pemberitahuan"),
        max_length=20,
        choices=Channel.choices,
        default=Channel.INBOX_AND_EMAIL,
    )
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("pilihan pemberitahuan")
        verbose_name_plural = _("pilihan pemberitahuan")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_channel_display()}"
