"""Chain of command: a table of cases over one small agency (pure functions, no database).

The agency (position id: post, holder on 2025-09-01):
  1 Kepala Dinas (JPT, head)          employee 10
  2   Sekretaris (administrator)      20, who is also Plt of 9
  3   Kabid A (administrator)         30
  4     Kasi A1 (pengawas)            40
  6       Pelaksana A1a               50
  12      Pelaksana A1b               90 until 2025-06-30 (then moved to 11)
  5     Kasi A2 (pengawas)            vacant
  7       Pelaksana A2a               60
  8     Fungsional Ahli Muda          70
  9   Kabid B (administrator)         vacant, Plt 20
  10    Kasi B1 (pengawas)            80
  11      Pelaksana B1a               100 until 2025-06-30 (retired), 90 from 2025-07-01
  13  Kabid C (administrator)         vacant, Plt 110 (who holds 14 below it)
  14    Kasi C1 (pengawas)            110
  15      Pelaksana C1a               120
"""

from __future__ import annotations

from datetime import date

import pytest

from kinerja.people.chain import WALI_KOTA, Holder, Holding, PositionNode, chain_of_command

BEFORE = date(2025, 3, 1)
AFTER = date(2025, 9, 1)
START = date(2020, 1, 1)
MOVE = date(2025, 7, 1)
LAST_DAY = date(2025, 6, 30)

POSITIONS = {
    p.id: p
    for p in [
        PositionNode(1, None, "JPT", is_head_of_agency=True),
        PositionNode(2, 1, "ADMINISTRATOR"),
        PositionNode(3, 1, "ADMINISTRATOR"),
        PositionNode(4, 3, "PENGAWAS"),
        PositionNode(5, 3, "PENGAWAS"),
        PositionNode(6, 4, "PELAKSANA"),
        PositionNode(7, 5, "PELAKSANA"),
        PositionNode(8, 3, "FUNGSIONAL_KEAHLIAN"),
        PositionNode(9, 1, "ADMINISTRATOR"),
        PositionNode(10, 9, "PENGAWAS"),
        PositionNode(11, 10, "PELAKSANA"),
        PositionNode(12, 4, "PELAKSANA"),
        PositionNode(13, 1, "ADMINISTRATOR"),
        PositionNode(14, 13, "PENGAWAS"),
        PositionNode(15, 14, "PELAKSANA"),
    ]
}

HOLDINGS = [
    Holding(10, 1, START),
    Holding(20, 2, START),
    Holding(20, 9, date(2025, 1, 1), is_acting=True),
    Holding(30, 3, START),
    Holding(40, 4, START),
    Holding(50, 6, START),
    Holding(60, 7, START),
    Holding(70, 8, START),
    Holding(80, 10, START),
    Holding(90, 12, START, LAST_DAY),
    Holding(90, 11, MOVE),
    Holding(100, 11, START, LAST_DAY),
    Holding(110, 14, START),
    Holding(110, 13, START, is_acting=True),
    Holding(120, 15, START),
]

W = WALI_KOTA


def who(official: object) -> object:
    return official.employee_id if isinstance(official, Holder) else official


CASES = [
    # case, employee, day, supervisor, appraiser, appraiser's superior
    ("pelaksana under pengawas", 50, AFTER, 40, 40, 30),
    ("pengawas under administrator", 40, AFTER, 30, 30, 10),
    ("administrator under head of agency", 30, AFTER, 10, 10, W),
    ("head of agency is rated by the Wali Kota", 10, AFTER, W, W, W),
    ("vacant pengawas post: the walk goes up", 60, AFTER, 30, 30, 10),
    ("Plt holds the vacant supervising post", 80, AFTER, 20, 20, 10),
    ("employee who is Plt of another post keeps own chain", 20, AFTER, 10, 10, W),
    ("fungsional under administrator", 70, AFTER, 30, 30, 10),
    ("before the mutation", 90, BEFORE, 40, 40, 30),
    ("after the mutation", 90, AFTER, 80, 80, 20),
    ("retired with no assignment today", 100, AFTER, None, None, None),
    ("retired, on a day they still served", 100, BEFORE, 80, 80, 20),
    ("Plt of own supervising post is not own supervisor", 110, AFTER, 10, 10, W),
    ("appraiser is Plt of the post above: superior skips them", 120, AFTER, 110, 110, 10),
]


@pytest.mark.parametrize(
    ("case", "employee", "day", "supervisor", "appraiser", "superior"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_chain_of_command_follows_the_appraiser_table(
    case: str,
    employee: int,
    day: date,
    supervisor: object,
    appraiser: object,
    superior: object,
) -> None:
    chain = chain_of_command(employee_id=employee, day=day, positions=POSITIONS, holdings=HOLDINGS)
    assert (who(chain.supervisor), who(chain.appraiser), who(chain.appraiser_superior)) == (
        supervisor,
        appraiser,
        superior,
    ), case


def chain_for(employee: int, day: date = AFTER):  # type: ignore[no-untyped-def]
    return chain_of_command(employee_id=employee, day=day, positions=POSITIONS, holdings=HOLDINGS)


def test_plt_holder_lists_both_posts_definitive_first() -> None:
    positions = chain_for(20).positions
    assert [(h.position_id, h.is_acting) for h in positions] == [(2, False), (9, True)]


def test_subordinates_reach_through_a_vacant_post() -> None:
    assert sorted(h.employee_id for h in chain_for(30).subordinates) == [40, 60, 70]


def test_plt_sees_subordinates_of_the_acting_post() -> None:
    assert [h.employee_id for h in chain_for(20).subordinates] == [80]


def test_peers_share_the_supervising_post() -> None:
    assert [h.employee_id for h in chain_for(40).peers] == [70]
    assert sorted(h.employee_id for h in chain_for(50).peers) == []
    assert [h.employee_id for h in chain_for(90, BEFORE).peers] == [50]


def test_vacancy_and_acting_are_explained() -> None:
    assert "lowong" in chain_for(60).notes[0]
    assert "Plt" in chain_for(80).notes[0]
    assert chain_for(100).notes == ("Tidak memegang jabatan pada tanggal ini.",)


def test_supervisor_post_held_by_plt_and_definitive_prefers_definitive() -> None:
    holdings = [*HOLDINGS, Holding(999, 4, START, is_acting=True)]
    chain = chain_of_command(employee_id=50, day=AFTER, positions=POSITIONS, holdings=holdings)
    assert who(chain.supervisor) == 40
