"""Who decides an objection: the appraiser's superior on the evaluation's date.

PP 30/2019 Pasal 59 sends the objection to the appraiser's superior ("atasan pejabat
penilai kinerja"). It is taken from the chain of command (`kinerja.people.chain`) of the rated
employee on the day the evaluation was set (`rated_at`, Asia/Jakarta), and fixed on the
objection when it is filed, so a later transfer does not move it.

- The decider is never the appraiser nor the rated employee: when the superior would be one
  of them (a Plt holding the appraiser's post and the post above it, or an appraiser who
  changed since the plan was approved), the objection goes one level up
  (`kinerja.people.holdings.official_above_load`), and `note` says why.
- When the superior is the Wali Kota (the appraiser is a head of agency or a JPT, or the Wali
  Kota rated), the Wali Kota's office decides: any Pimpinan user except the one who set the
  evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.appeals.rules import local_day
from kinerja.evaluation.models import Evaluation
from kinerja.organization.models import Position
from kinerja.people.chain import Holder
from kinerja.people.holdings import (
    chain_of_command_load,
    employee_id_for_user,
    official_above_load,
    today,
)

ONE_UP_NOTE = (
    "Atasan pejabat penilai adalah pejabat penilai sendiri atau pegawai yang dinilai (misalnya "
    "Plt yang memegang kedua jabatan); keberatan diteruskan satu tingkat ke atas."
)
MAYOR_NOTE = "Atasan pejabat penilai adalah Wali Kota; keberatan ditangani Pimpinan."
SKIPPED_NOTE = (
    "Jabatan tepat di atas pejabat penilai dipegang pejabat penilai sendiri (Plt) atau lowong; "
    "keberatan diteruskan ke jenjang di atasnya."
)


@dataclass(frozen=True)
class Decider:
    employee_id: int | None
    """None: the Wali Kota, whose office (a Pimpinan user) decides."""
    note: str = ""

    @property
    def is_mayor(self) -> bool:
        return self.employee_id is None


def objection_decider_for(evaluation: Evaluation) -> Decider:
    """The decider of an objection against `evaluation` (rules in the module docstring)."""
    plan = evaluation.plan
    day = local_day(evaluation.rated_at) if evaluation.rated_at else today()
    excluded = {
        plan.employee_id,
        evaluation.appraiser_id,
        employee_id_for_user(evaluation.rated_by),
    }
    excluded.discard(None)
    chain = chain_of_command_load(employee_id=plan.employee_id, day=day)
    official = chain.appraiser_superior
    note = ""
    appraiser = chain.appraiser
    if isinstance(official, Holder) and isinstance(appraiser, Holder):
        above = (
            Position.objects.filter(pk=appraiser.position_id)
            .values_list("supervisor_id", flat=True)
            .first()
        )
        if above is not None and above != official.position_id:
            note = SKIPPED_NOTE
    if isinstance(official, Holder) and official.employee_id in excluded:
        official = official_above_load(
            position_id=official.position_id,
            day=day,
            excluded={e for e in excluded if e is not None},
        )
        note = ONE_UP_NOTE
    if isinstance(official, Holder):
        return Decider(employee_id=official.employee_id, note=note)
    return Decider(employee_id=None, note=f"{note} {MAYOR_NOTE}".strip())
