"""Who may give, ask for, answer and see continuous feedback. Pages, the API and the services all
ask here (realisations: `permissions.py`; dialogues: `dialogue_permissions.py`).

- give: the employee's appraiser today (`kinerja.people.permissions.is_appraiser_of`), any
  time; anyone else only in answer to an OPEN request the employee addressed to them.
- ask: an employee asks a colleague of their own agency (home agency) or their appraiser, never
  themselves; the employee may withdraw an open request; the person asked may answer it (by
  giving feedback) or decline it with a reason, while it is open.
- see: the employee, the author, the employee's appraiser and the appraiser's superior today,
  and Inspektorat (read-only); everyone else gets 404. A peer sees only what they wrote.
- reply: the employee and the author, in one thread under the feedback.
- see a request: the employee who asked and the person asked.

Each `*_refusal` returns the sentence that refuses (or None); `can_*` is its boolean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import is_auditor
from kinerja.monitoring.models import FeedbackRequestState
from kinerja.people.chain import Holder
from kinerja.people.holdings import (
    chain_of_command_load,
    employee_home_agency_id,
    employee_id_for_user,
    today,
)
from kinerja.people.permissions import is_appraiser_of, is_appraiser_superior_of

if TYPE_CHECKING:
    from kinerja.monitoring.models import Feedback, FeedbackRequest
    from kinerja.people.models import Employee

NO_EMPLOYEE = (
    "Akun Anda tidak terhubung dengan data pegawai; umpan balik diberikan dan diminta oleh pegawai."
)
NOT_APPRAISER = (
    "Umpan balik tanpa permintaan hanya dapat diberikan oleh pejabat penilai pegawai tersebut; "
    "rekan kerja memberi umpan balik dengan menjawab permintaan dari pegawai."
)
SELF = "Anda tidak dapat memberi atau meminta umpan balik untuk diri sendiri."
NOT_REPLIER = (
    "Hanya pegawai penerima dan pemberi umpan balik yang dapat menanggapi umpan balik ini."
)


def appraiser_id_of(employee_id: int) -> int | None:
    """The employee id of the employee's appraiser today; None when the Wali Kota rates them
    or nobody does."""
    appraiser = chain_of_command_load(employee_id=employee_id, day=today()).appraiser
    return appraiser.employee_id if isinstance(appraiser, Holder) else None


def _state_sentence(request: FeedbackRequest) -> str:
    return (
        f"Permintaan umpan balik ini berstatus {request.get_state_display()}; hanya permintaan "
        "yang masih menunggu yang dapat dijawab, ditolak atau dibatalkan."
    )


def feedback_give_refusal(
    actor: Actor, employee: Employee, request: FeedbackRequest | None = None
) -> str | None:
    """Why the actor may not give feedback to `employee` now (answering `request` if given)."""
    me = employee_id_for_user(actor)
    if me is None:
        return NO_EMPLOYEE
    if me == employee.pk:
        return SELF
    if request is not None:
        if request.asked_id != me or request.employee_id != employee.pk:
            return "Permintaan umpan balik ini tidak ditujukan kepada Anda."
        if request.state != FeedbackRequestState.OPEN:
            return _state_sentence(request)
        return None
    if not is_appraiser_of(actor, employee):
        return NOT_APPRAISER
    return None


def can_give_feedback(
    actor: Actor, employee: Employee, request: FeedbackRequest | None = None
) -> bool:
    return feedback_give_refusal(actor, employee, request) is None


def feedback_request_create_refusal(actor: Actor, asked: Employee) -> str | None:
    """Why the actor may not ask `asked` for feedback: not an employee, themselves, or someone
    outside their agency who is not their appraiser."""
    me = employee_id_for_user(actor)
    if me is None:
        return NO_EMPLOYEE
    if me == asked.pk:
        return SELF
    if appraiser_id_of(me) == asked.pk:
        return None
    mine = employee_home_agency_id(employee_id=me)
    if mine is None or employee_home_agency_id(employee_id=asked.pk) != mine:
        return (
            f"{asked.full_name} bukan rekan kerja di perangkat daerah Anda; umpan balik dapat "
            "diminta dari rekan satu perangkat daerah atau dari pejabat penilai Anda."
        )
    return None


def feedback_request_answer_refusal(actor: Actor, request: FeedbackRequest) -> str | None:
    """Why the actor may not answer or decline `request`: only the person asked, while open."""
    if employee_id_for_user(actor) != request.asked_id:
        return "Hanya pegawai yang diminta yang dapat menjawab atau menolak permintaan ini."
    if request.state != FeedbackRequestState.OPEN:
        return _state_sentence(request)
    return None


def feedback_request_withdraw_refusal(actor: Actor, request: FeedbackRequest) -> str | None:
    """Why the actor may not withdraw `request`: only the employee who asked, while open."""
    if employee_id_for_user(actor) != request.employee_id:
        return "Hanya pegawai yang meminta yang dapat membatalkan permintaan ini."
    if request.state != FeedbackRequestState.OPEN:
        return _state_sentence(request)
    return None


def can_answer_request(actor: Actor, request: FeedbackRequest) -> bool:
    return feedback_request_answer_refusal(actor, request) is None


def can_withdraw_request(actor: Actor, request: FeedbackRequest) -> bool:
    return feedback_request_withdraw_refusal(actor, request) is None


def can_view_request(actor: Actor, request: FeedbackRequest) -> bool:
    me = employee_id_for_user(actor)
    return me is not None and me in (request.employee_id, request.asked_id)


def can_view_feedback(actor: Actor, feedback: Feedback) -> bool:
    """The employee, the author, the appraiser and the appraiser's superior today, Inspektorat."""
    if actor is None:
        return False
    me = employee_id_for_user(actor)
    if me is not None and me in (feedback.employee_id, feedback.author_id):
        return True
    if is_auditor(actor):
        return True
    if me is None:
        return False
    return is_appraiser_of(actor, feedback.employee_id) or is_appraiser_superior_of(
        actor, feedback.employee_id
    )


def feedback_reply_refusal(actor: Actor, feedback: Feedback) -> str | None:
    """Why the actor may not write in the feedback's thread: only its employee and author."""
    me = employee_id_for_user(actor)
    if me is None or me not in (feedback.employee_id, feedback.author_id):
        return NOT_REPLIER
    return None


def can_reply_feedback(actor: Actor, feedback: Feedback) -> bool:
    return feedback_reply_refusal(actor, feedback) is None
