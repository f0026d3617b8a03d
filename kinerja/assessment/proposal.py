"""Who should rate whom, proposed from a chain of command (pure: plain values in, plain values
out; no Django, so the rules are tested on their own and the roster job calls them per
employee without a query).

From `kinerja.people.chain.chain_of_command`:

- self;
- the supervisor (the holder found by the upward walk), none when the appraiser is the Wali
  Kota (heads of agency and JPT: the mayor does not fill the questionnaire);
- 3-5 peers: the holders of posts that share the supervising post, preferring the same unit
  and the same position kind and level; when those are fewer than `MIN_PEERS`, filled up to
  `MIN_PEERS` with the other siblings; never more than `MAX_PEERS`. Within each preference
  the least loaded come first (proposed fewer times as a peer so far in this round), then by
  name, so that a big unit does not send all its questionnaires to the same three people;
- all direct subordinates (`chain.subordinates`, through vacant posts).

A person appears once: self, then supervisor, then subordinates, then peers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kinerja.people.chain import WALI_KOTA, Chain, Holder

MIN_PEERS = 3
MAX_PEERS = 5
# Same numbers as `kinerja.assessment.rules` (which imports Django); a test holds them equal.

SELF = "SELF"
SUPERVISOR = "SUPERVISOR"
PEER = "PEER"
SUBORDINATE = "SUBORDINATE"


@dataclass(frozen=True)
class PostInfo:
    """What the peer preference needs of a post."""

    unit_id: int | None
    kind: str
    level: str = ""


@dataclass(frozen=True)
class ProposedRater:
    rater_id: int
    relation: str


def supervisor_of(chain: Chain) -> int | None:
    """The employee id of the supervisor who rates, or None (Wali Kota, no post)."""
    if chain.appraiser == WALI_KOTA or not isinstance(chain.supervisor, Holder):
        return None
    return chain.supervisor.employee_id


def propose_peers(
    chain: Chain,
    *,
    posts: Mapping[int, PostInfo],
    names: Mapping[int, str],
    load: Mapping[int, int],
    exclude: frozenset[int] | set[int] = frozenset(),
) -> list[int]:
    """The peers to propose (employee ids, in the order chosen); see the module docstring."""
    primary = chain.primary
    if primary is None:
        return []
    mine = posts.get(primary.position_id)
    close: dict[int, None] = {}
    other: dict[int, None] = {}
    for holder in chain.peers:
        rater = holder.employee_id
        if rater == chain.employee_id or rater in exclude:
            continue
        post = posts.get(holder.position_id)
        same = (
            mine is not None
            and post is not None
            and post.unit_id == mine.unit_id
            and post.kind == mine.kind
            and post.level == mine.level
        )
        (close if same else other)[rater] = None
    other = {rater: None for rater in other if rater not in close}

    def order(ids: dict[int, None]) -> list[int]:
        return sorted(ids, key=lambda pk: (load.get(pk, 0), names.get(pk, ""), pk))

    chosen = order(close)[:MAX_PEERS]
    if len(chosen) < MIN_PEERS:
        chosen += order(other)[: MIN_PEERS - len(chosen)]
    return chosen


def propose_raters(
    chain: Chain,
    *,
    posts: Mapping[int, PostInfo],
    names: Mapping[int, str],
    load: Mapping[int, int],
) -> list[ProposedRater]:
    """Self, supervisor, subordinates and peers of `chain.employee_id` (nothing when the
    employee holds no post that day)."""
    if chain.primary is None:
        return []
    found = [ProposedRater(chain.employee_id, SELF)]
    taken = {chain.employee_id}
    supervisor = supervisor_of(chain)
    if supervisor is not None and supervisor not in taken:
        found.append(ProposedRater(supervisor, SUPERVISOR))
        taken.add(supervisor)
    for holder in chain.subordinates:
        if holder.employee_id not in taken:
            found.append(ProposedRater(holder.employee_id, SUBORDINATE))
            taken.add(holder.employee_id)
    for peer in propose_peers(chain, posts=posts, names=names, load=load, exclude=taken):
        found.append(ProposedRater(peer, PEER))
        taken.add(peer)
    return found
