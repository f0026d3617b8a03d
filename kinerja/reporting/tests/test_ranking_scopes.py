"""The one rule of which lists a line stands in, and the places per list."""

from __future__ import annotations

from kinerja.reporting.rankings.scopes import scopes_of, top_per_scope


def test_a_line_stands_in_the_city_its_agency_its_unit_and_every_unit_above() -> None:
    parent = {3: 2, 2: 1, 1: None}
    assert scopes_of(9, 3, parent) == [(None, None), (9, None), (9, 3), (9, 2), (9, 1)]
    assert scopes_of(9, None, parent) == [(None, None), (9, None)]


def test_a_cycle_in_the_unit_tree_does_not_loop() -> None:
    assert scopes_of(1, 5, {5: 6, 6: 5}) == [(None, None), (1, None), (1, 5), (1, 6)]


def test_places_are_counted_per_list_and_cut_at_top() -> None:
    lines = [("a", 1, 10, 5), ("b", 1, 11, 7), ("c", 2, None, 6)]
    rows = top_per_scope(
        lines,
        place=lambda line: (line[1], line[2]),
        parent={},
        order=lambda line: -line[3],
        row=lambda line: {"label": line[0], "count": line[3]},
        top=2,
    )
    city = [(r.position, r.label) for r in rows if r.agency_id is None]
    assert city == [(1, "b"), (2, "c")]
    assert [(r.position, r.label) for r in rows if (r.agency_id, r.unit_id) == (1, None)] == [
        (1, "b"),
        (2, "a"),
    ]
    assert [(r.position, r.label) for r in rows if (r.agency_id, r.unit_id) == (1, 10)] == [
        (1, "a")
    ]
