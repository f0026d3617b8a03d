"""Competency development (pengembangan kompetensi): the competency dictionary, the training
catalogue, and each employee's individual development plan (IDP) with its items, completion
and lesson-hours (JP).

- `Competency`: technical, managerial or socio-cultural (Permenpan-RB 38/2017 kinds), with a
  description, linked to the feedback tags of monitoring (`feedback_tag`) and to a BerAKHLAK
  core value (`core_value`), and to the kinds of post that need it (`position_kinds`).
- `TrainingCourse`: a course, e-learning, coaching, mentoring or job rotation in the catalogue,
  with its JP, provider, mode and the competencies it develops.
- `DevelopmentPlan`: one employee's plan for one period; proposed by the employee, agreed (or
  returned) by the appraiser, versioned through `kinerja.discussions` at each proposal. A
  coaching plan (`is_coaching`) is created by the system when an evaluation's predikat is
  Butuh Perbaikan or worse (`trigger_evaluation`).
- `DevelopmentItem`: one planned activity (from the catalogue or written in), with why it was
  suggested, a target date, and its completion: the certificate (stored like evidence), the
  JP earned, the appraiser's confirmation. Confirmed JP count toward the 20 JP of the year.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel


class CompetencyKind(models.TextChoices):
    TECHNICAL = "TECHNICAL", _("Teknis")
    MANAGERIAL = "MANAGERIAL", _("Manajerial")
    SOCIOCULTURAL = "SOCIOCULTURAL", _("Sosial kultural")


class Competency(TimeStampedModel):
    code = models.SlugField(_("kode"), max_length=60, unique=True)
    name = models.CharField(_("nama"), max_length=150)
    kind = models.CharField(_("jenis"), max_length=14, choices=CompetencyKind.choices)
    description = models.TextField(_("uraian"), blank=True)
    feedback_tag = models.CharField(
        _("tanda umpan balik"), max_length=20, blank=True,
        help_text=_("kompetensi pada umpan balik berkelanjutan (monitoring) yang sesuai"),
    )  # fmt: skip
    core_value = models.CharField(
        _("nilai dasar BerAKHLAK"), max_length=30, blank=True,
        help_text=_("kode nilai dasar yang dikembangkan, mis. KOLABORATIF"),
    )  # fmt: skip
    position_kinds = models.JSONField(
        _("jenis jabatan yang membutuhkan"), default=list, blank=True,
        help_text=_("kode jenis jabatan (JPT, ADMINISTRATOR, …) yang membutuhkan kompetensi ini"),
    )  # fmt: skip
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("kompetensi")
        verbose_name_plural = _("kompetensi")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class CourseKind(models.TextChoices):
    COURSE = "COURSE", _("Pelatihan klasikal")
    ELEARNING = "ELEARNING", _("E-learning")
    COACHING = "COACHING", _("Coaching")
    MENTORING = "MENTORING", _("Mentoring")
    ROTATION = "ROTATION", _("Rotasi/magang jabatan")


class CourseMode(models.TextChoices):
    OFFLINE = "OFFLINE", _("Luring")
    ONLINE = "ONLINE", _("Daring")
    BLENDED = "BLENDED", _("Campuran")


class TrainingCourse(TimeStampedModel):
    code = models.SlugField(_("kode"), max_length=60, unique=True)
    title = models.CharField(_("judul"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=10, choices=CourseKind.choices)
    mode = models.CharField(_("moda"), max_length=8, choices=CourseMode.choices)
    provider = models.CharField(_("penyelenggara"), max_length=150)
    jp = models.DecimalField(_("jam pelajaran (JP)"), max_digits=5, decimal_places=1)
    description = models.TextField(_("uraian"), blank=True)
    competencies = models.ManyToManyField(
        Competency, verbose_name=_("kompetensi yang dikembangkan"), related_name="courses"
    )
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("pelatihan")
        verbose_name_plural = _("katalog pelatihan")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class PlanState(models.TextChoices):
    """Draf while the employee writes; Diajukan to the appraiser; Disepakati once agreed;
    Dikembalikan with a reason (the employee edits and proposes again)."""

    DRAFT = "DRAFT", _("Draf")
    PROPOSED = "PROPOSED", _("Diajukan")
    AGREED = "AGREED", _("Disepakati")
    RETURNED = "RETURNED", _("Dikembalikan")


class DevelopmentPlan(TimeStampedModel):
    employee = models.ForeignKey(
        "people.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT,
        related_name="development_plans",
    )  # fmt: skip
    period = models.ForeignKey(
        "periods.PerformancePeriod", verbose_name=_("periode"), on_delete=models.PROTECT,
        related_name="development_plans",
    )  # fmt: skip
    agency = models.ForeignKey(
        "organization.Agency", verbose_name=_("perangkat daerah"), on_delete=models.PROTECT,
        related_name="development_plans", help_text=_("perangkat daerah jabatan pegawai"),
    )  # fmt: skip
    appraiser = models.ForeignKey(
        "people.Employee", verbose_name=_("pejabat penilai"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
        help_text=_("kosong bila penilainya Wali Kota (disepakati Pimpinan)"),
    )  # fmt: skip
    state = models.CharField(
        _("status"), max_length=10, choices=PlanState.choices, default=PlanState.DRAFT
    )
    is_coaching = models.BooleanField(_("rencana bimbingan wajib"), default=False)
    trigger_evaluation = models.ForeignKey(
        "evaluation.Evaluation", verbose_name=_("penilaian pemicu"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="development_plans",
        help_text=_("penilaian Butuh Perbaikan atau lebih rendah yang mewajibkan bimbingan"),
    )  # fmt: skip
    return_reason = models.TextField(_("alasan dikembalikan"), blank=True)
    proposed_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    agreed_at = models.DateTimeField(_("disepakati"), null=True, blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("disepakati oleh"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("rencana pengembangan kompetensi")
        verbose_name_plural = _("rencana pengembangan kompetensi")
        ordering = ["-period__year", "employee__name"]
        indexes = [models.Index(fields=["agency", "state"]), models.Index(fields=["appraiser"])]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "period"],
                name="learning_one_plan_per_period",
                violation_error_message=_("Pegawai ini sudah memiliki rencana pengembangan."),
            )
        ]

    def __str__(self) -> str:
        return f"Rencana pengembangan {self.employee_id} / {self.period_id}"


class ItemSource(models.TextChoices):
    SUGGESTED = "SUGGESTED", _("Saran sistem")
    EMPLOYEE = "EMPLOYEE", _("Usul pegawai")
    APPRAISER = "APPRAISER", _("Usul pejabat penilai")
    COACHING = "COACHING", _("Bimbingan wajib")


class ItemState(models.TextChoices):
    """Direncanakan; Selesai (the employee recorded completion with a certificate and JP);
    Dikonfirmasi (the appraiser confirmed: the JP count); Ditolak (the confirmation was refused
    with a reason: the employee records again)."""

    PLANNED = "PLANNED", _("Direncanakan")
    COMPLETED = "COMPLETED", _("Selesai, menunggu konfirmasi")
    CONFIRMED = "CONFIRMED", _("Dikonfirmasi")
    REJECTED = "REJECTED", _("Konfirmasi ditolak")


class DevelopmentItem(TimeStampedModel):
    plan = models.ForeignKey(
        DevelopmentPlan, verbose_name=_("rencana"), on_delete=models.CASCADE, related_name="items"
    )
    course = models.ForeignKey(
        TrainingCourse, verbose_name=_("pelatihan"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="items",
    )  # fmt: skip
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="items",
    )  # fmt: skip
    title = models.CharField(_("kegiatan"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=10, choices=CourseKind.choices)
    jp_planned = models.DecimalField(_("JP direncanakan"), max_digits=5, decimal_places=1)
    target_date = models.DateField(_("target selesai"))
    source = models.CharField(_("asal"), max_length=10, choices=ItemSource.choices)
    reason = models.TextField(
        _("alasan"), blank=True, help_text=_("mengapa kegiatan ini disarankan")
    )
    state = models.CharField(
        _("status"), max_length=10, choices=ItemState.choices, default=ItemState.PLANNED
    )
    completed_on = models.DateField(_("tanggal selesai"), null=True, blank=True)
    jp_earned = models.DecimalField(
        _("JP diperoleh"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    certificate_name = models.CharField(_("nama simpan sertifikat"), max_length=255, blank=True)
    certificate_original_name = models.CharField(_("berkas sertifikat"), max_length=150, blank=True)
    certificate_content_type = models.CharField(_("jenis isi"), max_length=100, blank=True)
    certificate_size = models.PositiveBigIntegerField(_("ukuran (bita)"), null=True, blank=True)
    certificate_sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    confirmed_at = models.DateTimeField(_("dikonfirmasi"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dikonfirmasi oleh"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    reject_reason = models.TextField(_("alasan konfirmasi ditolak"), blank=True)
    dialogue = models.ForeignKey(
        "monitoring.PerformanceDialogue", verbose_name=_("dialog bimbingan"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("kegiatan pengembangan")
        verbose_name_plural = _("kegiatan pengembangan")
        ordering = ["plan", "target_date", "pk"]
        indexes = [models.Index(fields=["state", "completed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(jp_planned__gte=0), name="learning_item_jp_planned_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title
