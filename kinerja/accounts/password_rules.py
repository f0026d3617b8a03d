"""Password rules of our own: a password may not resemble the owner's full name or NIP.

Django's UserAttributeSimilarityValidator knows `first_name`, `last_name` and `email`; our
users have `full_name` and a NIP as `username`, and the NIP's first eight digits are the
birth date, the first thing a guesser tries. This validator replaces it (settings).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from django.core.exceptions import ValidationError

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
# A name part shorter than this ("Sri", "Ir") is too common to forbid on its own.
MIN_NAME_PART = 4
MAX_SIMILARITY = 0.7


def _plain(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


def _name_parts(full_name: str) -> list[str]:
    parts = [_plain(part) for part in re.split(r"[\s,.'-]+", full_name)]
    return [part for part in parts if len(part) >= MIN_NAME_PART]


def _nip_parts(username: str) -> list[str]:
    digits = _plain(username)
    if len(digits) == 18 and digits.isdigit():
        # The whole NIP, the birth date (yyyymmdd) and the appointment month (yyyymm).
        return [digits, digits[:8], digits[8:14]]
    return [digits] if len(digits) >= MIN_NAME_PART else []


class NameAndNipSimilarityValidator:
    """Refuse a password that contains or closely resembles the full name or the NIP."""

    def validate(self, password: str, user: Any = None) -> None:
        if user is None:
            return
        plain = _plain(password)
        full_name = str(getattr(user, "full_name", "") or "")
        username = str(getattr(user, "username", "") or "")
        whole_name = _plain(full_name)
        name_hit = any(part in plain for part in _name_parts(full_name)) or (
            len(whole_name) >= MIN_NAME_PART
            and SequenceMatcher(a=plain, b=whole_name).ratio() >= MAX_SIMILARITY
        )
        if name_hit:
            raise ValidationError(
                "Kata sandi memuat atau mirip nama lengkap Anda (%(name)s). Aturan: kata sandi "
                "tidak boleh memuat bagian nama lengkap atau NIP; pilih kata sandi lain.",
                code="password_too_similar_to_name",
                params={"name": full_name},
            )
        nip_hit = any(part in plain for part in _nip_parts(username)) or (
            len(_plain(username)) >= MIN_NAME_PART
            and SequenceMatcher(a=plain, b=_plain(username)).ratio() >= MAX_SIMILARITY
        )
        if nip_hit:
            raise ValidationError(
                "Kata sandi memuat atau mirip NIP/nama pengguna Anda (%(login)s), termasuk "
                "tanggal lahir di dalam NIP. Aturan: kata sandi tidak boleh memuat bagian nama "
                "lengkap atau NIP; pilih kata sandi lain.",
                code="password_too_similar_to_nip",
                params={"login": username},
            )

    def get_help_text(self) -> str:
        return "Kata sandi tidak boleh memuat atau mirip nama lengkap atau NIP Anda."
