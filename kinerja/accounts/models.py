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
