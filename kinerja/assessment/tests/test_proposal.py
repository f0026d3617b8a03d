"""The proposal of raters from a chain of command (proposal.py): pure, no database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kinerja.assessment import rules
from kinerja.assessment.proposal import (
    MAX_PEERS,
    MIN_PEERS,
    PostInfo,
    ProposedRater,
    propose_peers,
    propose_raters,
)
from kinerja.people.chain import Holding, PositionNode, chain_of_command

DAY = date(2026, 6, 1)
SINCE = date(2024, 1, 1)
UNIT_A, UNIT_B = 10, 20


Row = tuple[int, int | None, str, int | None]


def _org(extra: Sequence[Row] = ()) -> tuple[dict[int, PositionNode], dict[int, PostInfo]]:
    """Head (1) > Kabid (2) > Kasi (3) > staff posts given in `extra` as (id, sup, kind, unit)."""
    rows: list[Row] = [
        (1, None, "JPT", None),
        (2, 1, "ADMINISTRATOR", UNIT_A),
        (3, 2, "PENGAWAS", UNIT_A),
        *extra,
    ]
    nodes = {pk: PositionNode(pk, sup, kind, pk == 1) for pk, sup, kind, _ in rows}
    posts = {pk: PostInfo(unit, kind) for pk, _, kind, unit in rows}
    return nodes, posts


def _propose(
    employee_id: int,
    nodes: dict[int, PositionNode],
    posts: dict[int, PostInfo],
    holdings: list[Holding],
    load: dict[int, int] | None = None,
) -> list[ProposedRater]:
    chain = chain_of_command(employee_id=employee_id, day=DAY, positions=nodes, holdings=holdings)
    names = {h.employee_id: f"Pegawai {h.employee_id:03d}" for h in holdings}
    return propose_raters(chain, posts=posts, names=names, load=load or {})


def _by(relation: str, found: list[ProposedRater]) -> list[int]:
    return [r.rater_id for r in found if r.relation == relation]


def test_the_limits_are_the_rules_limits() -> None:
    assert (MIN_PEERS, MAX_PEERS) == (rules.MIN_PEERS, rules.MAX_PEERS)


def test_a_staff_member_gets_self_supervisor_and_peers_of_the_same_unit_and_kind() -> None:
    staff = [(100 + n, 3, "PELAKSANA", UNIT_A) for n in range(4)]
    nodes, posts = _org(staff)
    holdings = [Holding(1, 1, SINCE), Holding(2, 2, SINCE), Holding(3, 3, SINCE)]
    holdings += [Holding(200 + n, 100 + n, SINCE) for n in range(4)]
    found = _propose(200, nodes, posts, holdings)
    assert found[0] == ProposedRater(200, "SELF")
    assert _by("SUPERVISOR", found) == [3]
    assert _by("PEER", found) == [201, 202, 203]
    assert _by("SUBORDINATE", found) == []


def test_at_most_five_peers_and_the_least_loaded_first() -> None:
    staff = [(100 + n, 3, "PELAKSANA", UNIT_A) for n in range(9)]
    nodes, posts = _org(staff)
    holdings = [Holding(3, 3, SINCE)] + [Holding(200 + n, 100 + n, SINCE) for n in range(9)]
    found = _propose(200, nodes, posts, holdings, load={201: 2, 202: 1})
    peers = _by("PEER", found)
    assert len(peers) == MAX_PEERS
    assert peers == [203, 204, 205, 206, 207]


def test_a_unit_of_two_peers_proposes_both_and_no_more() -> None:
    staff = [(100 + n, 3, "PELAKSANA", UNIT_A) for n in range(3)]
    nodes, posts = _org(staff)
    holdings = [Holding(3, 3, SINCE)] + [Holding(200 + n, 100 + n, SINCE) for n in range(3)]
    assert _by("PEER", _propose(200, nodes, posts, holdings)) == [201, 202]


def test_fewer_than_three_close_peers_are_filled_with_other_siblings() -> None:
    staff = [
        (100, 3, "PELAKSANA", UNIT_A),
        (101, 3, "PELAKSANA", UNIT_A),
        (102, 3, "FUNGSIONAL_KEAHLIAN", UNIT_A),
        (103, 3, "PELAKSANA", UNIT_B),
        (104, 3, "PELAKSANA", UNIT_B),
    ]
    nodes, posts = _org(staff)
    holdings = [Holding(3, 3, SINCE)] + [Holding(200 + n, 100 + n, SINCE) for n in range(5)]
    peers = _by("PEER", _propose(200, nodes, posts, holdings))
    assert peers[0] == 201
    assert len(peers) == MIN_PEERS
    assert set(peers[1:]) <= {202, 203, 204}


def test_a_level_differs_means_another_preference() -> None:
    nodes, posts = _org([(100, 3, "FK", UNIT_A), (101, 3, "FK", UNIT_A), (102, 3, "FK", UNIT_A)])
    posts[100] = PostInfo(UNIT_A, "FK", "Ahli Muda")
    posts[101] = PostInfo(UNIT_A, "FK", "Ahli Pertama")
    posts[102] = PostInfo(UNIT_A, "FK", "Ahli Muda")
    holdings = [Holding(200 + n, 100 + n, SINCE) for n in range(3)]
    chain = chain_of_command(employee_id=200, day=DAY, positions=nodes, holdings=holdings)
    assert propose_peers(chain, posts=posts, names={}, load={})[0] == 202


def test_the_head_of_agency_has_no_supervisor_rater_and_rates_with_subordinates() -> None:
    nodes, posts = _org()
    holdings = [Holding(1, 1, SINCE), Holding(2, 2, SINCE), Holding(3, 3, SINCE)]
    found = _propose(1, nodes, posts, holdings)
    assert found == [ProposedRater(1, "SELF"), ProposedRater(2, "SUBORDINATE")]


def test_a_jpt_below_the_head_is_rated_without_a_supervisor_rater() -> None:
    nodes, posts = _org([(4, 1, "JPT", None)])
    holdings = [Holding(1, 1, SINCE), Holding(4, 4, SINCE)]
    assert _by("SUPERVISOR", _propose(4, nodes, posts, holdings)) == []


def test_a_vacant_supervising_post_gives_the_next_one_up() -> None:
    nodes, posts = _org([(100, 3, "PELAKSANA", UNIT_A)])
    holdings = [Holding(2, 2, SINCE), Holding(200, 100, SINCE)]
    found = _propose(200, nodes, posts, holdings)
    assert _by("SUPERVISOR", found) == [2]


def test_a_plt_of_the_supervising_post_rates_as_supervisor() -> None:
    nodes, posts = _org([(100, 3, "PELAKSANA", UNIT_A)])
    plt = Holding(2, 3, SINCE, is_acting=True)
    holdings = [Holding(2, 2, SINCE), plt, Holding(200, 100, SINCE)]
    assert _by("SUPERVISOR", _propose(200, nodes, posts, holdings)) == [2]
    # and the Plt's subordinates through the acting post are proposed to the Plt
    assert 200 in _by("SUBORDINATE", _propose(2, nodes, posts, holdings))


def test_all_direct_subordinates_including_through_a_vacant_post() -> None:
    nodes, posts = _org([(100, 3, "PELAKSANA", UNIT_A), (101, 3, "PENGAWAS", UNIT_A),
                         (102, 101, "PELAKSANA", UNIT_A)])  # fmt: skip
    holdings = [Holding(3, 3, SINCE), Holding(200, 100, SINCE), Holding(202, 102, SINCE)]
    assert sorted(_by("SUBORDINATE", _propose(3, nodes, posts, holdings))) == [200, 202]


def test_an_empty_unit_proposes_only_self_and_supervisor() -> None:
    nodes, posts = _org([(100, 3, "PELAKSANA", UNIT_A)])
    holdings = [Holding(3, 3, SINCE), Holding(200, 100, SINCE)]
    assert _propose(200, nodes, posts, holdings) == [
        ProposedRater(200, "SELF"),
        ProposedRater(3, "SUPERVISOR"),
    ]


def test_nobody_without_a_post_and_nobody_twice() -> None:
    nodes, posts = _org([(100, 3, "PELAKSANA", UNIT_A), (101, 3, "PELAKSANA", UNIT_A)])
    assert _propose(999, nodes, posts, [Holding(3, 3, SINCE)]) == []
    # one person holding two sibling posts (a Plt) is proposed once
    plt = Holding(3, 101, SINCE, is_acting=True)
    holdings = [Holding(3, 3, SINCE), Holding(200, 100, SINCE), plt]
    found = _propose(200, nodes, posts, holdings)
    assert [r.rater_id for r in found].count(3) == 1
