"""How people type their login name: a NIP with spaces or dots, or a staff username.

A NIP is stored as its 18 digits; "19860926 201505 1 001" and "19860926.201505.1.001" log in
as "198609262015051001". Staff usernames are compared case-insensitively (stored lower case).
"""

from __future__ import annotations

import re

_NIP_SEPARATORS = re.compile(r"[\s.]+")


def login_name_normalize(text: str) -> str:
    stripped = text.strip()
    digits = _NIP_SEPARATORS.sub("", stripped)
    if digits.isdigit():
        return digits
    return stripped.lower()
