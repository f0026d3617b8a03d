"""Home cards of monitoring ("Tugas saya"), registered in MonitoringConfig.ready().

Employee:
- "Isi realisasi <window>": one card per open window (and approved plan) whose realisations
  are not all submitted yet, with the count and the window's due date (late once past it);
- each returned realisation, urgent, to correct before the window closes;
- submitted realisations waiting for the appraiser (WAITING);
- feedback requests addressed to me (task) and my own open requests (WAITING);
- dialogues coming up (due = their date), my open dialogue actions (due = their due date,
  urgent once past), a coaching feedback form to fill after a coaching dialogue.
Appraiser (and Pimpinan for the plans the Wali Kota rates):
- realisations waiting for my decision: one card with the count per employee;
- realisations of my team not submitted yet in an open window (WAITING, a count);
- the dialogues I lead coming up, and those past their time not recorded yet.

Realisations exist only for approved plans (`approved_version` set) in a period in
Pelaksanaan or Evaluasi (`REALIZATION_STATES`); a window is open from its first day until
`window_close_date`. Only indicators filled by hand count (index-sourced ones fill
themselves). A constant number of queries whatever the size of the team.

Cut along whose cards they are: `realizations` (the employee's realisations), `feedback`,
`dialogues` (dialogues and their actions), `team` (the appraiser's), `provider` (the open
windows and `monitoring_cards_for`, which puts them together); `common` holds what they share.
Import from here.
"""

from kinerja.monitoring.my_tasks.common import DONE_STATES, SHOWN
from kinerja.monitoring.my_tasks.provider import monitoring_cards_for, open_windows
from kinerja.monitoring.my_tasks.realizations import NOT_OPEN_REALIZATIONS

__all__ = [
    "DONE_STATES",
    "NOT_OPEN_REALIZATIONS",
    "SHOWN",
    "monitoring_cards_for",
    "open_windows",
]
