"""Themes of the perception survey's remarks, pure: keyword lists per theme (lower case,
matched as the start of a word), a remark may hit several themes; one that hits none is
"Lainnya". Counts are shown for the city and for groups of at least `K_MIN` remarks' authors;
sample remarks only for the city, sorted alphabetically (never in the order they came in),
at most `SAMPLES` per theme."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SAMPLES = 5
SAMPLE_CHARS = 300


@dataclass(frozen=True)
class Theme:
    code: str
    label: str
    keywords: tuple[str, ...]


THEMES: tuple[Theme, ...] = (
    Theme(
        "KEADILAN",
        "Keadilan penilaian",
        (
            "adil",
            "keadilan",
            "subjektif",
            "pilih kasih",
            "objektif",
            "tidak fair",
            "like and dislike",
        ),
    ),
    Theme(
        "BEBAN",
        "Beban pengisian/administrasi",
        ("beban", "repot", "ribet", "administrasi", "banyak isian", "menyita waktu", "formulir"),
    ),
    Theme(
        "INDIKATOR",
        "Kejelasan indikator",
        ("indikator", "target", "ukuran", "terukur", "sasaran kinerja", "rumus", "perhitungan"),
    ),
    Theme(
        "UMPAN_BALIK",
        "Umpan balik atasan",
        ("umpan balik", "feedback", "bimbingan", "atasan", "arahan", "coaching"),
    ),
    Theme(
        "TEKNIS",
        "Aplikasi & teknis",
        ("aplikasi", "lambat", "error", "galat", "login", "server", "unggah", "upload", "tampilan"),
    ),
    Theme(
        "PELATIHAN",
        "Pelatihan & sosialisasi",
        (
            "pelatihan",
            "sosialisasi",
            "bimtek",
            "panduan",
            "tutorial",
            "belum paham",
            "kurang paham",
        ),
    ),
)
OTHER = Theme("LAINNYA", "Lainnya", ())
ALL_THEMES: tuple[Theme, ...] = (*THEMES, OTHER)
THEME_LABELS = {t.code: t.label for t in ALL_THEMES}

_PATTERNS = {
    t.code: re.compile(r"\b(?:" + "|".join(re.escape(k) for k in t.keywords) + r")", re.IGNORECASE)
    for t in THEMES
}


def themes_of(remark: str) -> list[str]:
    """The codes of the themes a remark hits (in `ALL_THEMES` order); [] for a blank one."""
    if not remark.strip():
        return []
    hits = [t.code for t in THEMES if _PATTERNS[t.code].search(remark)]
    return hits or [OTHER.code]


def theme_counts(remarks: Iterable[str]) -> dict[str, int]:
    """Remarks per theme, every theme present (0 when none)."""
    counts = dict.fromkeys(THEME_LABELS, 0)
    for remark in remarks:
        for code in themes_of(remark):
            counts[code] += 1
    return counts


def theme_samples(remarks: Sequence[str], *, per_theme: int = SAMPLES) -> dict[str, list[str]]:
    """At most `per_theme` remarks per theme, alphabetically (case-insensitive), trimmed to
    `SAMPLE_CHARS` characters."""
    found: dict[str, list[str]] = {code: [] for code in THEME_LABELS}
    for remark in remarks:
        text = " ".join(remark.split())
        for code in themes_of(text):
            found[code].append(text)
    return {
        code: [_trim(t) for t in sorted(texts, key=lambda t: (t.casefold(), t))[:per_theme]]
        for code, texts in found.items()
    }


def _trim(text: str) -> str:
    return text if len(text) <= SAMPLE_CHARS else text[: SAMPLE_CHARS - 1].rstrip() + "…"
