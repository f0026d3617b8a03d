"""The competency dictionary and the training catalogue (Admin BKPSDM)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from kinerja.accounts.actors import Actor
from kinerja.learning.models import Competency, TrainingCourse


def competency_save(
    *,
    actor: Actor,
    competency: Competency | None,
    code: str,
    name: str,
    kind: str,
    description: str = "",
    feedback_tag: str = "",
    core_value: str = "",
    position_kinds: Iterable[str] = (),
    is_active: bool = True,
) -> Competency:
    """Create (competency None) or change a dictionary entry [competency.saved]. Refused: 403
    unless `permissions.can_manage_catalogue`; field errors keyed by the argument names (code a
    slug, unique; name up to 150 characters; kind one of `CompetencyKind`; feedback_tag blank or
    one of
    `kinerja.monitoring.models.Competency`; core_value blank or a BerAKHLAK code
    (`kinerja.planning.selectors.core_value_codes`); position_kinds each a `PositionKind`)."""
    raise NotImplementedError


def course_save(
    *,
    actor: Actor,
    course: TrainingCourse | None,
    code: str,
    title: str,
    kind: str,
    mode: str,
    provider: str,
    jp: Decimal,
    description: str = "",
    competency_ids: Iterable[int] = (),
    is_active: bool = True,
) -> TrainingCourse:
    """Create or change a catalogue entry [training_course.saved]; at least one competency; jp
    between 0,5 and `rules.JP_MAX`. Same refusals as `competency_save`."""
    raise NotImplementedError
