"""Citizen satisfaction survey (SKM) and service standards of a service unit.

A `SurveyResponse` keeps the nine answers in nine small integer columns (u1-u9) so that the
element sums and counts are one aggregate query in the database (kinerja/surveys/aggregation.py);
the scoring core turns those totals into the IKM. No identity is stored: a client address is
kept only as a salted hash whose salt rotates daily (`DailySalt`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import TimeStampedModel

ELEMENT_FIELDS: tuple[str, ...] = ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")
"""The answer columns of a response, in element order U1-U9 (kinerja.scoring.ikm.Element)."""

SUGGESTION_MAX_CHARS = 2000


class Service(TimeStampedModel):
    """A kind of service (jenis layanan) a service unit gives, chosen by the respondent."""

    service_unit = models.ForeignKey(
        "organization.ServiceUnit",
        verbose_name=_("unit layanan"),
        on_delete=models.CASCADE,
        related_name="services",
    )
    name = models.CharField(_("nama layanan"), max_length=200)
    is_active = models.BooleanField(_("aktif"), default=True)
    position = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("jenis layanan")
        verbose_name_plural = _("jenis layanan")
        ordering = ["service_unit", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_unit", "name"], name="surveys_service_name_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Channel(models.TextChoices):
    ONLINE = "ONLINE", _("Formulir daring")
    KIOSK = "KIOSK", _("Kios di loket")
    PAPER = "PAPER", _("Formulir kertas")
    API = "API", _("Aplikasi lain (API)")


class RespondentGender(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class Education(models.TextChoices):
    SD = "SD", _("SD")
    SMP = "SMP", _("SMP")
    SMA = "SMA", _("SMA/SMK")
    DIPLOMA = "D3", _("D1-D3")
    S1 = "S1", _("D4/S1")
    S2 = "S2", _("S2")
    S3 = "S3", _("S3")


class Occupation(models.TextChoices):
    PNS = "PNS", _("PNS")
    TNI_POLRI = "TNI_POLRI", _("TNI/POLRI")
    PRIVATE = "SWASTA", _("Pegawai Swasta")
    ENTREPRENEUR = "WIRAUSAHA", _("Wirausaha")
    STUDENT = "PELAJAR", _("Pelajar/Mahasiswa")
    OTHER = "LAINNYA", _("Lainnya")


AGE_MIN = 10
AGE_MAX = 120


class SurveyResponse(models.Model):
    """One citizen's answers about one service received; no identity is kept."""

    service_unit = models.ForeignKey(
        "organization.ServiceUnit",
        verbose_name=_("unit layanan"),
        on_delete=models.PROTECT,
        related_name="survey_responses",
    )
    service = models.ForeignKey(
        Service,
        verbose_name=_("jenis layanan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="responses",
    )
    survey_date = models.DateField(_("tanggal survei"))
    submitted_at = models.DateTimeField(_("dicatat pada"), default=timezone.now)
    channel = models.CharField(_("saluran"), max_length=10, choices=Channel.choices)
    u1 = models.PositiveSmallIntegerField(_("U1 Persyaratan"), null=True, blank=True)
    u2 = models.PositiveSmallIntegerField(
        _("U2 Sistem, Mekanisme, dan Prosedur"), null=True, blank=True
    )
    u3 = models.PositiveSmallIntegerField(_("U3 Waktu Penyelesaian"), null=True, blank=True)
    u4 = models.PositiveSmallIntegerField(_("U4 Biaya/Tarif"), null=True, blank=True)
    u5 = models.PositiveSmallIntegerField(
        _("U5 Produk Spesifikasi Jenis Pelayanan"), null=True, blank=True
    )
    u6 = models.PositiveSmallIntegerField(_("U6 Kompetensi Pelaksana"), null=True, blank=True)
    u7 = models.PositiveSmallIntegerField(_("U7 Perilaku Pelaksana"), null=True, blank=True)
    u8 = models.PositiveSmallIntegerField(
        _("U8 Penanganan Pengaduan, Saran dan Masukan"), null=True, blank=True
    )
    u9 = models.PositiveSmallIntegerField(_("U9 Sarana dan Prasarana"), null=True, blank=True)
    gender = models.CharField(
        _("jenis kelamin"), max_length=1, choices=RespondentGender.choices, blank=True
    )
    age = models.PositiveSmallIntegerField(_("usia"), null=True, blank=True)
    education = models.CharField(
        _("pendidikan"), max_length=4, choices=Education.choices, blank=True
    )
    occupation = models.CharField(
        _("pekerjaan"), max_length=10, choices=Occupation.choices, blank=True
    )
    suggestion = models.TextField(_("saran atau pengaduan"), blank=True)
    suggestion_hidden = models.BooleanField(_("saran disembunyikan"), default=False)
    suggestion_hidden_reason = models.CharField(
        _("alasan disembunyikan"), max_length=200, blank=True
    )
    client_hash = models.CharField(_("sidik alamat (hash)"), max_length=64, blank=True)
    answers_key = models.CharField(_("sidik jawaban (hash)"), max_length=64, blank=True)
    form_nonce = models.CharField(
        _("token formulir"), max_length=40, null=True, blank=True, unique=True
    )
    import_job = models.ForeignKey(
        "core.Job",
        verbose_name=_("impor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("jawaban survei")
        verbose_name_plural = _("jawaban survei")
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["service_unit", "survey_date"]),
            # duplicate detection: the same answers to the same unit (then same client, 24 h)
            models.Index(fields=["service_unit", "answers_key"]),
            models.Index(fields=["survey_date"]),
        ]
        constraints = [
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{field}__isnull": True})
                    | models.Q(**{f"{field}__gte": 1, f"{field}__lte": 4}),
                    name=f"surveys_response_{field}_scale",
                )
                for field in ELEMENT_FIELDS
            ),
            models.CheckConstraint(
                condition=models.Q(age__isnull=True) | models.Q(age__gte=AGE_MIN, age__lte=AGE_MAX),
                name="surveys_response_age_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service_unit_id} {self.survey_date}"


class RefusalReason(models.TextChoices):
    TOKEN_INVALID = "TOKEN_INVALID", _("Token formulir tidak sah")
    TOKEN_EXPIRED = "TOKEN_EXPIRED", _("Token formulir kedaluwarsa")
    TOKEN_REUSED = "TOKEN_REUSED", _("Token formulir dipakai ulang")
    TOO_FAST = "TOO_FAST", _("Diisi terlalu cepat")
    HONEYPOT = "HONEYPOT", _("Kolom jebakan terisi")
    RATE_LIMIT = "RATE_LIMIT", _("Melewati batas kiriman per alamat")
    DUPLICATE = "DUPLICATE", _("Jawaban kembar")
    INVALID = "INVALID", _("Isian tidak lengkap atau tidak sah")


class SubmissionRefusal(models.Model):
    """How many submissions to a unit were refused on a day, per reason (to see an attack)."""

    service_unit = models.ForeignKey(
        "organization.ServiceUnit",
        verbose_name=_("unit layanan"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    day = models.DateField(_("tanggal"))
    reason = models.CharField(_("alasan"), max_length=20, choices=RefusalReason.choices)
    count = models.PositiveIntegerField(_("jumlah"), default=0)

    class Meta:
        verbose_name = _("kiriman ditolak")
        verbose_name_plural = _("kiriman ditolak")
        ordering = ["-day", "reason"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_unit", "day", "reason"], name="surveys_refusal_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.reason}: {self.count}"


class DailySalt(models.Model):
    """The random salt that hashes client addresses on one day; old salts are deleted, so an
    old hash can no longer be linked to an address."""

    day = models.DateField(_("tanggal"), unique=True)
    salt = models.CharField(_("garam"), max_length=64)

    class Meta:
        verbose_name = _("garam harian")
        verbose_name_plural = _("garam harian")

    def __str__(self) -> str:
        return str(self.day)


class ServicePopulation(TimeStampedModel):
    """Number of service users of a unit in the previous period, for the survey of `year`
    (Krejcie & Morgan sample size, PermenPANRB 14/2017)."""

    service_unit = models.ForeignKey(
        "organization.ServiceUnit",
        verbose_name=_("unit layanan"),
        on_delete=models.CASCADE,
        related_name="survey_populations",
    )
    year = models.PositiveSmallIntegerField(_("tahun survei"))
    population = models.PositiveIntegerField(_("jumlah pengguna layanan"))
    note = models.CharField(_("sumber data"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("populasi pengguna layanan")
        verbose_name_plural = _("populasi pengguna layanan")
        ordering = ["service_unit", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_unit", "year"], name="surveys_population_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.population}"


class FollowUpState(models.TextChoices):
    PLANNED = "PLANNED", _("Direncanakan")
    IN_PROGRESS = "IN_PROGRESS", _("Sedang dikerjakan")
    DONE = "DONE", _("Selesai")


class FollowUpAction(TimeStampedModel):
    """The unit's planned improvement of a weak element (rencana tindak lanjut), public."""

    service_unit = models.ForeignKey(
        "organization.ServiceUnit",
        verbose_name=_("unit layanan"),
        on_delete=models.CASCADE,
        related_name="survey_followups",
    )
    year = models.PositiveSmallIntegerField(_("tahun survei"))
    element = models.CharField(_("unsur pelayanan"), max_length=2)
    action = models.TextField(_("tindak lanjut"))
    owner = models.CharField(_("penanggung jawab"), max_length=200)
    due_date = models.DateField(_("target selesai"), null=True, blank=True)
    state = models.CharField(
        _("status"), max_length=12, choices=FollowUpState.choices, default=FollowUpState.PLANNED
    )

    class Meta:
        verbose_name = _("rencana tindak lanjut")
        verbose_name_plural = _("rencana tindak lanjut")
        ordering = ["service_unit", "-year", "element", "pk"]

    def __str__(self) -> str:
        return f"{self.element}: {self.action[:40]}"


# --- service standards ----------------------------------------------------------------------


class StandardComponentKind(models.TextChoices):
    """The components of a service standard (PermenPANRB 15/2014), in their usual order."""

    LEGAL_BASIS = "LEGAL_BASIS", _("Dasar hukum")
    REQUIREMENTS = "REQUIREMENTS", _("Persyaratan")
    PROCEDURE = "PROCEDURE", _("Sistem, mekanisme, dan prosedur")
    TIME = "TIME", _("Jangka waktu penyelesaian")
    COST = "COST", _("Biaya/tarif")
    PRODUCT = "PRODUCT", _("Produk pelayanan")
    FACILITIES = "FACILITIES", _("Sarana, prasarana, dan/atau fasilitas")
    COMPETENCE = "COMPETENCE", _("Kompetensi pelaksana")
    SUPERVISION = "SUPERVISION", _("Pengawasan internal")
    COMPLAINTS = "COMPLAINTS", _("Penanganan pengaduan, saran, dan masukan")
    STAFFING = "STAFFING", _("Jumlah pelaksana")
    GUARANTEE = "GUARANTEE", _("Jaminan pelayanan")
    SAFETY = "SAFETY", _("Jaminan keamanan dan keselamatan pelayanan")
    EVALUATION = "EVALUATION", _("Evaluasi kinerja pelaksana")


class StandardState(models.TextChoices):
    DRAFT = "DRAFT", _("Draf")
    APPROVED = "APPROVED", _("Disetujui")


class ServiceStandard(TimeStampedModel):
    """The service standard of a service unit: a draft its staff write together, and the
    version its head approved, which is public."""

    service_unit = models.OneToOneField(
        "organization.ServiceUnit",
        verbose_name=_("unit layanan"),
        on_delete=models.CASCADE,
        related_name="service_standard",
    )
    state = models.CharField(
        _("status"), max_length=10, choices=StandardState.choices, default=StandardState.DRAFT
    )
    revision = models.PositiveIntegerField(_("revisi draf"), default=1)
    approved_version = models.PositiveSmallIntegerField(_("versi disetujui"), default=0)
    approved_at = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disetujui oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("standar pelayanan")
        verbose_name_plural = _("standar pelayanan")

    def __str__(self) -> str:
        return f"Standar pelayanan {self.service_unit_id}"


class StandardComponent(models.Model):
    """One component of a standard: the draft text and the text last approved (public)."""

    standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("standar pelayanan"),
        on_delete=models.CASCADE,
        related_name="components",
    )
    kind = models.CharField(_("komponen"), max_length=20, choices=StandardComponentKind.choices)
    position = models.PositiveSmallIntegerField(_("urutan"))
    draft_text = models.TextField(_("isi draf"), blank=True)
    published_text = models.TextField(_("isi yang berlaku"), blank=True)

    class Meta:
        verbose_name = _("komponen standar pelayanan")
        verbose_name_plural = _("komponen standar pelayanan")
        ordering = ["standard", "position"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "kind"], name="surveys_component_unique"),
        ]

    def __str__(self) -> str:
        return self.kind


class ProposalState(models.TextChoices):
    OPEN = "OPEN", _("Menunggu keputusan")
    ACCEPTED = "ACCEPTED", _("Diterima")
    DECLINED = "DECLINED", _("Ditolak")


class StandardProposal(TimeStampedModel):
    """A staff member's proposed change of one component; the head accepts or declines it."""

    standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("standar pelayanan"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    kind = models.CharField(_("komponen"), max_length=20, choices=StandardComponentKind.choices)
    text = models.TextField(_("usulan isi"))
    reason = models.TextField(_("alasan"), blank=True)
    proposed_by = models.ForeignKey(
        "people.Employee",
        verbose_name=_("diusulkan oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(
        _("status"), max_length=10, choices=ProposalState.choices, default=ProposalState.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    decision_note = models.TextField(_("catatan keputusan"), blank=True)

    class Meta:
        verbose_name = _("usul perubahan standar pelayanan")
        verbose_name_plural = _("usul perubahan standar pelayanan")
        ordering = ["standard", "-created_at"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.text[:40]}"


class StandardEndorsement(models.Model):
    """A staff member's support of one revision of the draft."""

    standard = models.ForeignKey(
        ServiceStandard,
        verbose_name=_("standar pelayanan"),
        on_delete=models.CASCADE,
        related_name="endorsements",
    )
    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    revision = models.PositiveIntegerField(_("revisi draf"))
    created_at = models.DateTimeField(_("didukung pada"), default=timezone.now)

    class Meta:
        verbose_name = _("dukungan draf standar pelayanan")
        verbose_name_plural = _("dukungan draf standar pelayanan")
        ordering = ["standard", "revision", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["standard", "employee", "revision"], name="surveys_endorsement_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} r{self.revision}"
