"""Users and their roles.

Employees log in with their NIP (stored as 18 digits in `username`); staff accounts (HR admins,
leaders, auditors, agency admins without a NIP) use a username. Being a supervisor is not a
role: it follows from positions (the people and organization apps).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.accounts.login_names import login_name_normalize


class Role(models.TextChoices):
    """Staff roles stored on the user. Pegawai and atasan are derived, not stored."""

    ADMIN_BKPSDM = "ADMIN_BKPSDM", _("Admin BKPSDM")
    ADMIN_OPD = "ADMIN_OPD", _("Admin OPD")
    PIMPINAN = "PIMPINAN", _("Pimpinan")
    INSPEKTORAT = "INSPEKTORAT", _("Inspektorat")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, username: str, password: str | None = None, **extra: Any) -> User:
        if not username:
            raise ValueError("Nama pengguna atau NIP wajib diisi.")
        user = self.model(username=login_name_normalize(username), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, username: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(username, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(username=login_name_normalize(username or ""))


class User(AbstractBaseUser, PermissionsMixin):
    username = models.CharField(
        _("NIP atau nama pengguna"),
        max_length=64,
        unique=True,
        help_text=_("NIP 18 digit untuk pegawai; nama pengguna untuk akun staf."),
    )
    full_name = models.CharField(_("nama lengkap"), max_length=200)
    email = models.EmailField(_("surel"), blank=True)
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices, blank=True)
    agency = models.ForeignKey(
        "organization.Agency",
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="admins",
        help_text=_("Wajib untuk Admin OPD: satu-satunya perangkat daerah yang dikelolanya."),
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    is_staff = models.BooleanField(_("akses admin Django"), default=False)
    must_change_password = models.BooleanField(_("wajib ganti kata sandi"), default=False)
    date_joined = models.DateTimeField(_("tanggal dibuat"), default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "username"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="ADMIN_OPD") | models.Q(agency__isnull=False),
                name="accounts_user_agency_admin_has_agency",
                violation_error_message=_("Admin OPD harus terikat pada satu perangkat daerah."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.username})"

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.username

    @property
    def is_nip_login(self) -> bool:
        return len(self.username) == 18 and self.username.isdigit()


class LockScope(models.TextChoices):
    """What a login lock shuts: one account from one address, a whole address, or an account."""

    ACCOUNT_ADDRESS = "ACCOUNT_ADDRESS", _("akun dari alamat ini")
    ADDRESS = "ADDRESS", _("semua akun dari alamat ini")
    ACCOUNT = "ACCOUNT", _("akun dari semua alamat")


class LoginLock(models.Model):
    """A lock imposed after too many failed logins; it lifts at `locked_until` or by hand.

    Failures are counted in the cache; only the lock is stored, so that Admin BKPSDM can list
    and lift it and so that attempts during a lock cost the attacker a read, not a write.
    """

    scope = models.CharField(_("cakupan"), max_length=20, choices=LockScope.choices)
    login_name = models.CharField(_("nama masuk"), max_length=64, blank=True, db_index=True)
    client_address = models.CharField(
        _("alamat jaringan"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("Alamat IPv4, atau jaringan /64 untuk IPv6."),
    )
    user = models.ForeignKey(
        User,
        verbose_name=_("akun"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="login_locks",
    )
    failures = models.PositiveIntegerField(_("jumlah gagal"))
    locked_at = models.DateTimeField(_("dikunci pada"), default=timezone.now)
    locked_until = models.DateTimeField(_("dikunci sampai"), db_index=True)
    lifted_at = models.DateTimeField(_("dibuka pada"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        User,
        verbose_name=_("dibuka oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("kunci masuk")
        verbose_name_plural = _("kunci masuk")
        ordering = ["-locked_at"]

    def __str__(self) -> str:
        who = self.login_name or "semua akun"
        return f"{who} dari {self.client_address or 'semua alamat'}"

    def is_active(self, now: Any = None) -> bool:
        return self.lifted_at is None and self.locked_until > (now or timezone.now())


class RevokeReason(models.TextChoices):
    OWNER = "OWNER", _("dicabut pemilik")
    PASSWORD_CHANGED = "PASSWORD_CHANGED", _("kata sandi diganti")
    DEACTIVATED = "DEACTIVATED", _("akun dinonaktifkan")
    REPLACED = "REPLACED", _("melebihi batas token aktif")


class ApiToken(models.Model):
    """A bearer key for the API. Only its SHA-256 is stored; the key is shown once at issue."""

    user = models.ForeignKey(
        User, verbose_name=_("pemilik"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("nama token"), max_length=100, blank=True)
    key_prefix = models.CharField(_("awal kunci"), max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    expires_at = models.DateTimeField(_("berlaku sampai"))
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    revoked_reason = models.CharField(
        _("alasan dicabut"), max_length=20, choices=RevokeReason.choices, blank=True
    )

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Token {self.key_prefix}… milik {self.user_id}"

    def is_active(self, now: Any = None) -> bool:
        return self.revoked_at is None and self.expires_at > (now or timezone.now())
