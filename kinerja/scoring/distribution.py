"""The distribution curve (pola distribusi): employees' predikat against the organisation's.

Source: PermenPANRB 6/2022, guidance on the distribution of employee predikat by organisation
predikat, as summarised in /work/shared/reference/REGULATIONS.md §1 [V2]. The guidance is a
warning that needs a written justification, not a hard block [I]: `check_distribution` reports
violations, the caller decides what to do with them.

Decisions [I] (docs/scoring.md, "Distribution"):
- "largest group" (sebagian besar) is a plurality with ties allowed: the named predikat has at
  least as many employees as every other predikat;
- shares are compared exactly (integers), never as rounded percentages; "at most 70%" allows
  exactly 70%, "at least 60%" accepts exactly 60%;
- groups of fewer than `MIN_GROUP_SIZE` (5) employees are `too_small`: only the rule that
  forbids a predikat outright ("no Sangat Baik" under Sangat Kurang) is checked.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from kinerja.scoring.formatting import format_percent
from kinerja.scoring.ratings import OrganizationPredikat, Predikat
from kinerja.scoring.rounding import quantize

MIN_GROUP_SIZE = 5
"""Below this many employees percentages are meaningless (one person is 20% or more). [I]"""


@dataclass(frozen=True)
class Band:
    """One line of the guidance: the share of employees whose predikat is in `predikats`.

    `min_share`/`max_share` are fractions of the unit (Decimal("0.6") = 60%), None when
    unbounded; `largest` asks for a plurality; `min_count` asks for at least that many people.
    """

    predikats: tuple[Predikat, ...]
    min_share: Decimal | None = None
    max_share: Decimal | None = None
    largest: bool = False
    min_count: int = 0

    @property
    def label(self) -> str:
        """The predikat of the band in Indonesian, joined by "atau"."""
        return " atau ".join(predikat.label for predikat in self.predikats)


GUIDANCE: Mapping[OrganizationPredikat, tuple[Band, ...]] = {
    OrganizationPredikat.ISTIMEWA: (
        Band((Predikat.SANGAT_BAIK,), max_share=Decimal("0.70"), largest=True),
    ),
    OrganizationPredikat.BAIK: (
        Band((Predikat.BAIK,), max_share=Decimal("0.70"), largest=True),
        Band((Predikat.BUTUH_PERBAIKAN, Predikat.KURANG), min_count=1),
    ),
    OrganizationPredikat.BUTUH_PERBAIKAN: (
        Band((Predikat.BUTUH_PERBAIKAN,), min_share=Decimal("0.60")),
        Band((Predikat.SANGAT_BAIK,), max_share=Decimal("0.10")),
    ),
    OrganizationPredikat.KURANG: (
        Band((Predikat.KURANG,), min_share=Decimal("0.60")),
        Band((Predikat.BUTUH_PERBAIKAN,), min_share=Decimal("0.10")),
        Band((Predikat.SANGAT_BAIK,), max_share=Decimal("0.10")),
    ),
    OrganizationPredikat.SANGAT_KURANG: (
        Band((Predikat.SANGAT_KURANG,), min_share=Decimal("0.60")),
        Band((Predikat.KURANG, Predikat.BUTUH_PERBAIKAN), min_share=Decimal("0.10")),
        Band((Predikat.SANGAT_BAIK,), max_share=Decimal("0")),
    ),
}
"""Guidance per organisation predikat, PermenPANRB 6/2022 [V2]; also the data for the curve."""


@dataclass(frozen=True)
class Violation:
    """A guidance rule that the employees' predikat do not follow."""

    code: str
    message: str
    band: Band


@dataclass(frozen=True)
class DistributionReport:
    """The outcome of `check_distribution`.

    `shares` are for display, rounded half up to 4 places (a percentage with 2 decimals);
    the checks themselves use exact counts.
    """

    organization: OrganizationPredikat
    total: int
    counts: Mapping[Predikat, int]
    shares: Mapping[Predikat, Decimal]
    violations: tuple[Violation, ...]
    too_small: bool

    @property
    def ok(self) -> bool:
        """True when no guidance rule is broken."""
        return not self.violations


def check_distribution(
    org: OrganizationPredikat,
    counts: Mapping[Predikat, int],
    *,
    min_group_size: int = MIN_GROUP_SIZE,
) -> DistributionReport:
    """Check the employees' predikat of a unit against its organisation's predikat.

    PermenPANRB 6/2022, pola distribusi [V2]; see `GUIDANCE` for the rules. Predikat missing
    from `counts` count as 0; a negative count raises ValueError.
    """
    full = {predikat: counts.get(predikat, 0) for predikat in Predikat}
    for predikat, count in full.items():
        if count < 0:
            raise ValueError(f"Jumlah pegawai {predikat.label} tidak boleh negatif: {count}")
    total = sum(full.values())
    too_small = total < min_group_size
    violations: list[Violation] = []
    for band in GUIDANCE[OrganizationPredikat(org)]:
        violations.extend(_band_violations(org, band, full, total, too_small))
    shares = {
        predikat: quantize(Fraction(count, total) if total else 0, 4)
        for predikat, count in full.items()
    }
    return DistributionReport(
        organization=OrganizationPredikat(org),
        total=total,
        counts=full,
        shares=shares,
        violations=tuple(violations),
        too_small=too_small,
    )


def _band_violations(
    org: OrganizationPredikat,
    band: Band,
    counts: Mapping[Predikat, int],
    total: int,
    too_small: bool,
) -> list[Violation]:
    count = sum(counts[predikat] for predikat in band.predikats)
    rule = f"untuk organisasi berpredikat {org.label}"
    if band.max_share == 0:
        if count == 0:
            return []
        return [
            Violation(
                "not_allowed",
                f"{band.label} {count} dari {total} pegawai "
                f"({format_percent(Fraction(count, total))}) tidak diperbolehkan {rule}",
                band,
            )
        ]
    if too_small:
        return []
    found: list[Violation] = []
    share = f"{band.label} {count} dari {total} pegawai ({format_percent(Fraction(count, total))})"
    if band.max_share is not None and count > band.max_share * total:
        found.append(
            Violation(
                "above_max_share",
                f"{share} melebihi batas {_percent(band.max_share)} {rule}",
                band,
            )
        )
    if band.min_share is not None and count < band.min_share * total:
        found.append(
            Violation(
                "below_min_share",
                f"{share} kurang dari minimal {_percent(band.min_share)} {rule}",
                band,
            )
        )
    if band.largest:
        found.extend(_largest_violations(rule, band, count, counts))
    if count < band.min_count:
        found.append(
            Violation(
                "below_min_count",
                f"{band.label} {count} dari {total} pegawai; {rule} paling sedikit "
                f"{band.min_count} pegawai harus {band.label}",
                band,
            )
        )
    return found


def _largest_violations(
    rule: str, band: Band, count: int, counts: Mapping[Predikat, int]
) -> list[Violation]:
    larger = [
        f"{other.label} {other_count}"
        for other, other_count in counts.items()
        if other not in band.predikats and other_count > count
    ]
    if not larger:
        return []
    return [
        Violation(
            "not_largest",
            f"{band.label} ({count} pegawai) harus kelompok terbesar {rule}, "
            f"tetapi lebih sedikit dari {', '.join(larger)} pegawai",
            band,
        )
    ]


def _percent(share: Decimal) -> str:
    """A guidance limit as people write it: "70%"."""
    return f"{share * 100:.0f}%"
