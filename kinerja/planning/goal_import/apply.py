"""`goal_import_apply`: check the file again and save its goals in one transaction."""

from __future__ import annotations

from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.audit.services import audit_record
from kinerja.organization.models import Agency
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.goal_import.validation import GoalImportReport, goal_import_validate
from kinerja.planning.goals import goal_target_apply
from kinerja.planning.models import GoalIndicator, OrganizationGoal


class GoalImportRejected(Exception):
    """The file (or the data it meets) is not clean now; nothing was saved."""

    def __init__(self, report: GoalImportReport) -> None:
        super().__init__("Berkas berisi kesalahan; tidak ada yang disimpan.")
        self.report = report


def goal_import_apply(
    *,
    actor: Actor,
    agency: Agency,
    period: PerformancePeriod,
    content: bytes,
    file_name: str,
    sha256: str = "",
) -> GoalImportReport:
    """Validate inside the transaction (so a goal saved meanwhile is seen) and create every goal
    and indicator of a clean file with bulk queries and one audit event
    [organization_goal.imported]; a file with any error raises GoalImportRejected."""
    with transaction.atomic():
        report = goal_import_validate(
            actor=actor, agency=agency, period=period, content=content, file_name=file_name
        )
        if not report.is_clean:
            raise GoalImportRejected(report)
        created = OrganizationGoal.objects.bulk_create(
            OrganizationGoal(
                agency=agency,
                period=period,
                number=goal.number,
                statement=goal.statement,
                perspective=goal.perspective,
            )
            for goal in report.goals
        )
        indicators = []
        for goal, stored in zip(report.goals, created, strict=True):
            for number, planned in enumerate(goal.indicators, start=1):
                indicator = GoalIndicator(
                    goal=stored, number=number, text=planned.text, polarity=planned.polarity
                )
                goal_target_apply(indicator, planned.target)
                indicators.append(indicator)
        GoalIndicator.objects.bulk_create(indicators)
        audit_record(
            actor=actor,
            action="organization_goal.imported",
            obj=agency,
            after={
                "period": period.name,
                "file_name": file_name,
                "sha256": sha256,
                "rows": report.total_rows,
                "goals": [f"{g.number}. {g.statement}" for g in report.goals],
                "indicators": len(indicators),
            },
        )
    return report
