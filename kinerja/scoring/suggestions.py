"""Suggestions the appraiser sees beside each rating of an evaluation.

PermenPANRB 6/2022 leaves the ratings to the appraiser's judgement (REGULATIONS.md §1 [V2]).
This module turns what is known into *suggestions* with their rule in words; the appraiser
decides and writes a reason whenever the decision departs from a suggestion [I]:

- one result (RHK): from the achievements of its indicators (`suggest_result_rating`);
- the behaviour overall: from the ratings given per core value (`suggest_behavior_rating`);
- a head of agency's results: the organisation's own predikat
  (`results_rating_for_organization`, "a leader of an organisation unit gets as results rating
  the unit's own achievement" [V2]).

The results rating overall is `kinerja.scoring.achievement.suggest_results_rating`, fed with the
ratings the appraiser gave each result. Decisions and worked examples: docs/scoring.md,
"Evaluation suggestions".
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from kinerja.scoring.achievement import ABOVE_FROM, MEETS_FROM, rating_for_achievement
from kinerja.scoring.formatting import format_decimal
from kinerja.scoring.ratings import OrganizationPredikat, Rating
from kinerja.scoring.rounding import Exact, quantize2, to_fraction


@dataclass(frozen=True)
class Suggestion:
    """A suggested rating and the sentence that explains it (in Bahasa Indonesia)."""

    rating: Rating
    rule: str
    explanation: str


def suggest_result_rating(
    achievements: Iterable[Exact | None],
    *,
    above_from: Exact = ABOVE_FROM,
    meets_from: Exact = MEETS_FROM,
) -> Suggestion | None:
    """Suggest the rating of one result from its indicators' achievements (percent).

    The mean of the known achievements is rated like one indicator (≥ 110 above, ≥ 100 meets,
    else below) [I]. Indicators without an achievement (no realisation yet, or a described
    target) are left out and named in the sentence; with none known there is no suggestion
    (None) and the appraiser rates from the evidence alone.
    """
    listed = list(achievements)
    known = [to_fraction(value) for value in listed if value is not None]
    if not known:
        return None
    mean = sum(known, Fraction(0)) / len(known)
    rating = rating_for_achievement(mean, above_from=above_from, meets_from=meets_from)
    shown = format_decimal(quantize2(mean))
    if len(known) == 1:
        basis = f"capaian indikator {shown}%"
    else:
        basis = f"rata-rata capaian {len(known)} indikator {shown}%"
    missing = len(listed) - len(known)
    note = f"; {missing} indikator tanpa capaian tidak dihitung" if missing else ""
    return Suggestion(rating, "achievement_mean", f"{basis}: {rating.label}{note}")


def suggest_behavior_rating(ratings: Iterable[Rating]) -> Suggestion:
    """Suggest the behaviour rating from the ratings given per core value [I].

    Read like the results guidance: above when more than half of the core values are above
    expectation and none is below; below when more than half are below; otherwise meets.
    Raises ValueError when no core value was rated.
    """
    listed = [Rating(rating) for rating in ratings]
    if not listed:
        raise ValueError("Belum ada nilai dasar yang dinilai; nilai paling sedikit satu")
    total = len(listed)
    above, below = listed.count(Rating.ABOVE), listed.count(Rating.BELOW)
    if 2 * above > total and below == 0:
        return Suggestion(
            Rating.ABOVE,
            "most_above",
            f"{above} dari {total} nilai dasar di atas ekspektasi (lebih dari separuh) dan "
            "tidak ada yang di bawah ekspektasi",
        )
    if 2 * below > total:
        return Suggestion(
            Rating.BELOW,
            "most_below",
            f"{below} dari {total} nilai dasar di bawah ekspektasi (lebih dari separuh)",
        )
    return Suggestion(
        Rating.MEETS,
        "meets",
        f"{total - below} dari {total} nilai dasar sesuai atau di atas ekspektasi",
    )


ORGANIZATION_RESULTS: Mapping[OrganizationPredikat, Rating] = {
    OrganizationPredikat.ISTIMEWA: Rating.ABOVE,
    OrganizationPredikat.BAIK: Rating.MEETS,
    OrganizationPredikat.BUTUH_PERBAIKAN: Rating.BELOW,
    OrganizationPredikat.KURANG: Rating.BELOW,
    OrganizationPredikat.SANGAT_KURANG: Rating.BELOW,
}
"""A head of agency's results rating from the organisation's predikat [V2 rule, I mapping]."""


def results_rating_for_organization(org: OrganizationPredikat) -> Suggestion:
    """The results rating of a head of agency: the rating that the organisation's predikat
    stands for (Istimewa above, Baik meets, anything lower below)."""
    organization = OrganizationPredikat(org)
    rating = ORGANIZATION_RESULTS[organization]
    return Suggestion(
        rating,
        "organization",
        f"predikat kinerja organisasi {organization.label}: rating hasil kerja kepala "
        f"perangkat daerah {rating.label}",
    )


def expected_share(plan_start: date, plan_end: date, until: date) -> Fraction:
    """The share of an annual (cumulative) target due by `until`: the days of the plan elapsed
    by then over its days, between a day's share and 1 [I]. A quantity target of 12 reports
    over a year is "on track" with 9 by the end of September (share 273/365)."""
    if plan_end < plan_start:
        raise ValueError(f"Tanggal selesai SKP {plan_end} sebelum tanggal mulainya {plan_start}")
    total = (plan_end - plan_start).days + 1
    elapsed = (min(until, plan_end) - plan_start).days + 1
    return Fraction(min(max(elapsed, 1), total), total)


def prorated_achievement(achievement: Exact, share: Exact) -> Decimal:
    """An achievement against the annual target turned into one against the part due by now
    (achievement ÷ share), rounded half up to 2 places; share must be in (0, 1]."""
    exact_share = to_fraction(share)
    if not 0 < exact_share <= 1:
        raise ValueError(f"Bagian target yang diharapkan {share} harus lebih dari 0 dan paling 1")
    return quantize2(to_fraction(achievement) / exact_share)


def mean_achievement(achievements: Iterable[Exact | None]) -> Decimal | None:
    """The mean of the known achievements, rounded half up to 2 places (None when none)."""
    known = [to_fraction(value) for value in achievements if value is not None]
    if not known:
        return None
    return quantize2(sum(known, Fraction(0)) / len(known))
