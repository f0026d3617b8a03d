"""Monitoring during the year: realisations with evidence, continuous feedback, performance
dialogues with agreed actions, and the coaching feedback form.

Rules live in `rules.py`, `permissions.py` and the services; this module only stores.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel

# --- realisations ----------------------------------------------------------------------------


class RealizationState(models.TextChoices):
    DRAFT = "DRAFT", _("Draf")
    SUBMITTED = "SUBMITTED", _("Diajukan")
    RETURNED = "RETURNED", _("Dikembalikan")
    ACCEPTED = "ACCEPTED", _("Diterima")


class Realization(TimeStampedModel):
    """What an indicator reached by the end of one evaluation window (cumulative since the
    plan began: the achievement is measured against the annual target), or, for a described
    target, the result described. The employee submits it; the appraiser accepts it or returns
    it with a reason. `achievement` is computed by `kinerja.scoring.achievement` at submission.
    """

    plan = models.ForeignKey(
        "planning.PerformancePlan",
        verbose_name=_("SKP"),
        on_delete=models.CASCADE,
        related_name="realizations",
    )
    indicator = models.ForeignKey(
        "planning.Indicator",
        verbose_name=_("indikator kinerja individu"),
        # An indicator with realisations is never removed (its evidence would go with it):
        # planning's removal services turn the ProtectedError into a refusal.
        on_delete=models.PROTECT,
        related_name="realizations",
    )
    window = models.ForeignKey(
        "periods.EvaluationWindow",
        verbose_name=_("evaluasi periodik"),
        on_delete=models.PROTECT,
        related_name="realizations",
    )
    value = models.DecimalField(
        _("realisasi"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    description = models.TextField(_("uraian hasil"), blank=True)
    note = models.TextField(_("catatan"), blank=True)
    achievement = models.DecimalField(
        _("capaian (%)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    state = models.CharField(
        _("status"),
        max_length=10,
        choices=RealizationState.choices,
        default=RealizationState.DRAFT,
    )
    revision = models.PositiveSmallIntegerField(_("pengajuan ke"), default=0)
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    return_reason = models.TextField(_("alasan dikembalikan"), blank=True)

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        ordering = ["plan", "window__number", "indicator"]
        indexes = [
            models.Index(fields=["plan", "window"]),
            models.Index(fields=["state", "window"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "window"],
                name="monitoring_one_realization_per_indicator_window",
                violation_error_message=_("Realisasi indikator ini untuk periode ini sudah ada."),
            ),
        ]

    def __str__(self) -> str:
        return f"Realisasi {self.indicator_id} / {self.window_id}"


class EvidenceKind(models.TextChoices):
    FILE = "FILE", _("Berkas")
    LINK = "LINK", _("Tautan")


def evidence_token() -> str:
    return secrets.token_urlsafe(24)


class Evidence(models.Model):
    """A file or a link backing a realisation (bukti dukung).

    Files are kept by the storage alias "evidence" under an unguessable name (`stored_name`),
    never served directly: `token` addresses the permission-checked download view. The type is
    the one found in the content (`content_type`), not the one the name claims; `sha256` is
    taken at upload, and `altered_at` set when a later check finds the stored bytes changed.
    """

    realization = models.ForeignKey(
        Realization,
        verbose_name=_("realisasi"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    plan = models.ForeignKey(
        "planning.PerformancePlan",
        verbose_name=_("SKP"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    kind = models.CharField(_("jenis"), max_length=4, choices=EvidenceKind.choices)
    token = models.CharField(_("kode akses"), max_length=40, unique=True, default=evidence_token)
    title = models.CharField(_("judul"), max_length=200, blank=True)
    original_name = models.CharField(_("nama berkas asli"), max_length=255, blank=True)
    stored_name = models.CharField(_("nama simpan"), max_length=255, blank=True)
    content_type = models.CharField(_("jenis isi"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("ukuran (bita)"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    link = models.URLField(_("tautan"), max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("diunggah"), auto_now_add=True)
    checked_at = models.DateTimeField(_("terakhir diperiksa"), null=True, blank=True)
    altered_at = models.DateTimeField(_("ditemukan berubah"), null=True, blank=True)

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["realization", "created_at", "pk"]
        indexes = [models.Index(fields=["plan"])]

    def __str__(self) -> str:
        return self.title or self.original_name or self.link


# --- continuous feedback ---------------------------------------------------------------------


class Competency(models.TextChoices):
    """The competencies feedback is tagged with (a short list to start; the learning app maps
    them to courses)."""

    COMMUNICATION = "KOMUNIKASI", _("Komunikasi")
    TEAMWORK = "KERJA_SAMA", _("Kerja sama")
    TIMELINESS = "KETEPATAN_WAKTU", _("Ketepatan waktu")
    SERVICE = "PELAYANAN", _("Pelayanan")
    LEADERSHIP = "KEPEMIMPINAN", _("Kepemimpinan")
    TECHNICAL = "PENGUASAAN_TEKNIS", _("Penguasaan teknis")


class FeedbackSubject(models.TextChoices):
    RESULT = "RESULT", _("Hasil kerja")
    CORE_VALUE = "CORE_VALUE", _("Perilaku kerja (nilai dasar)")
    GENERAL = "GENERAL", _("Umum")


class FeedbackRequestState(models.TextChoices):
    OPEN = "OPEN", _("Menunggu")
    ANSWERED = "ANSWERED", _("Dijawab")
    DECLINED = "DECLINED", _("Ditolak")
    WITHDRAWN = "WITHDRAWN", _("Dibatalkan")


class FeedbackRequest(TimeStampedModel):
    """An employee asks a peer (or their appraiser) for feedback on a result or a core value."""

    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="feedback_requests",
    )
    asked = models.ForeignKey(
        "people.Employee",
        verbose_name=_("diminta kepada"),
        on_delete=models.CASCADE,
        related_name="feedback_asked",
    )
    subject = models.CharField(
        _("tentang"),
        max_length=12,
        choices=FeedbackSubject.choices,
        default=FeedbackSubject.GENERAL,
    )
    result = models.ForeignKey(
        "planning.PlannedResult",
        verbose_name=_("hasil kerja"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    core_value = models.CharField(_("nilai dasar"), max_length=30, blank=True)
    message = models.TextField(_("pesan"), blank=True)
    state = models.CharField(
        _("status"),
        max_length=10,
        choices=FeedbackRequestState.choices,
        default=FeedbackRequestState.OPEN,
    )
    answered_at = models.DateTimeField(_("dijawab"), null=True, blank=True)

    class Meta:
        verbose_name = _("permintaan umpan balik")
        verbose_name_plural = _("permintaan umpan balik")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["asked", "state"]),
            models.Index(fields=["employee", "state"]),
        ]

    def __str__(self) -> str:
        return f"Permintaan umpan balik {self.employee_id} → {self.asked_id}"


class Feedback(TimeStampedModel):
    """Feedback on an employee's result, core value or work in general, from their appraiser
    or a peer they asked; tagged with competencies (`FeedbackTag`); the employee may reply (a
    thread in `kinerja.discussions`). Kept for the development plan."""

    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="feedback_received",
    )
    author = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pemberi umpan balik"),
        on_delete=models.PROTECT,
        related_name="feedback_given",
    )
    author_is_appraiser = models.BooleanField(_("dari pejabat penilai"), default=False)
    request = models.ForeignKey(
        FeedbackRequest,
        verbose_name=_("permintaan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    plan = models.ForeignKey(
        "planning.PerformancePlan",
        verbose_name=_("SKP"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    subject = models.CharField(
        _("tentang"),
        max_length=12,
        choices=FeedbackSubject.choices,
        default=FeedbackSubject.GENERAL,
    )
    result = models.ForeignKey(
        "planning.PlannedResult",
        verbose_name=_("hasil kerja"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    core_value = models.CharField(_("nilai dasar"), max_length=30, blank=True)
    text = models.TextField(_("umpan balik"))
    example = models.TextField(_("contoh perilaku/kejadian"), blank=True)
    suggestion = models.TextField(_("saran ke depan"), blank=True)

    class Meta:
        verbose_name = _("umpan balik")
        verbose_name_plural = _("umpan balik")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["employee", "-created_at"]),
            models.Index(fields=["author", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"Umpan balik untuk {self.employee_id}"


class FeedbackTag(models.Model):
    feedback = models.ForeignKey(
        Feedback, verbose_name=_("umpan balik"), on_delete=models.CASCADE, related_name="tags"
    )
    competency = models.CharField(_("kompetensi"), max_length=20, choices=Competency.choices)

    class Meta:
        verbose_name = _("kompetensi umpan balik")
        verbose_name_plural = _("kompetensi umpan balik")
        constraints = [
            models.UniqueConstraint(
                fields=["feedback", "competency"], name="monitoring_feedback_tag_unique"
            ),
        ]
        indexes = [models.Index(fields=["competency"])]

    def __str__(self) -> str:
        return self.get_competency_display()


# --- performance dialogues -------------------------------------------------------------------


class DialogueKind(models.TextChoices):
    CHECK_IN = "CHECK_IN", _("Dialog kinerja")
    COACHING = "COACHING", _("Bimbingan kinerja (coaching)")
    COUNSELLING = "COUNSELLING", _("Konseling kinerja")


class DialogueState(models.TextChoices):
    SCHEDULED = "SCHEDULED", _("Dijadwalkan")
    DONE = "DONE", _("Selesai")
    CANCELLED = "CANCELLED", _("Dibatalkan")


class PerformanceDialogue(TimeStampedModel):
    """A check-in between an appraiser and an employee: scheduled (with an agenda) or recorded
    after the fact, with notes and agreed actions."""

    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="dialogues",
    )
    appraiser = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pejabat penilai"),
        on_delete=models.PROTECT,
        related_name="dialogues_led",
    )
    plan = models.ForeignKey(
        "planning.PerformancePlan",
        verbose_name=_("SKP"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dialogues",
    )
    kind = models.CharField(
        _("jenis"), max_length=12, choices=DialogueKind.choices, default=DialogueKind.CHECK_IN
    )
    state = models.CharField(
        _("status"), max_length=10, choices=DialogueState.choices, default=DialogueState.SCHEDULED
    )
    scheduled_at = models.DateTimeField(_("waktu"))
    place = models.CharField(_("tempat atau media"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    held_at = models.DateTimeField(_("dilaksanakan"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("dialog kinerja")
        verbose_name_plural = _("dialog kinerja")
        ordering = ["-scheduled_at", "-pk"]
        indexes = [
            models.Index(fields=["employee", "-scheduled_at"]),
            models.Index(fields=["appraiser", "-scheduled_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.employee_id}"


class DialogueAction(TimeStampedModel):
    """An action agreed in a dialogue, with its owner and due date, tracked until done."""

    dialogue = models.ForeignKey(
        PerformanceDialogue,
        verbose_name=_("dialog kinerja"),
        on_delete=models.CASCADE,
        related_name="actions",
    )
    text = models.CharField(_("tindak lanjut"), max_length=500)
    owner = models.ForeignKey(
        "people.Employee",
        verbose_name=_("penanggung jawab"),
        on_delete=models.PROTECT,
        related_name="dialogue_actions",
    )
    due_date = models.DateField(_("batas waktu"))
    done_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    done_note = models.TextField(_("catatan penyelesaian"), blank=True)

    class Meta:
        verbose_name = _("tindak lanjut dialog")
        verbose_name_plural = _("tindak lanjut dialog")
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["owner", "done_at", "due_date"])]

    def __str__(self) -> str:
        return self.text


COACHING_ITEMS = (
    "heard",
    "appreciated",
    "free_to_speak",
    "accurate_data",
    "positive",
    "more_questions",
    "found_solutions",
    "knows_next",
    "understands_purpose",
)
"""The nine items of the coaching feedback form, in the form's order."""


class CoachingFeedback(models.Model):
    """The employee's 9-item feedback on a coaching session (REGULATIONS.md, "Coaching
    feedback form" [V1]); each item 1 (sangat tidak setuju) .. 5 (sangat setuju) [I]."""

    dialogue = models.OneToOneField(
        PerformanceDialogue,
        verbose_name=_("dialog kinerja"),
        on_delete=models.CASCADE,
        related_name="coaching_feedback",
    )
    heard = models.PositiveSmallIntegerField(_("saya merasa didengarkan"))
    appreciated = models.PositiveSmallIntegerField(_("tindakan saya dihargai"))
    free_to_speak = models.PositiveSmallIntegerField(_("saya bebas menyampaikan pendapat"))
    accurate_data = models.PositiveSmallIntegerField(
        _("pandangan atasan berdasarkan data yang akurat")
    )
    positive = models.PositiveSmallIntegerField(_("pandangan atasan positif"))
    more_questions = models.PositiveSmallIntegerField(
        _("atasan lebih banyak bertanya daripada menggurui")
    )
    found_solutions = models.PositiveSmallIntegerField(_("saya dibantu menemukan solusi"))
    knows_next = models.PositiveSmallIntegerField(_("saya tahu apa yang harus dilakukan"))
    understands_purpose = models.PositiveSmallIntegerField(_("saya memahami tujuan bimbingan ini"))
    comment = models.TextField(_("komentar"), blank=True)
    submitted_at = models.DateTimeField(_("diisi"), auto_now_add=True)

    class Meta:
        verbose_name = _("umpan balik bimbingan")
        verbose_name_plural = _("umpan balik bimbingan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    **{f"{item}__gte": 1 for item in COACHING_ITEMS},
                    **{f"{item}__lte": 5 for item in COACHING_ITEMS},
                ),
                name="monitoring_coaching_items_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"Umpan balik bimbingan {self.dialogue_id}"
