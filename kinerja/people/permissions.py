"""Rules that come from positions: the only way any app asks who supervises or appraises whom.

Role rules (Admin BKPSDM, Admin OPD, Pimpinan, Inspektorat) stay in
`kinerja.accounts.permissions`. The rules here follow from who holds which post on a date,
through the chain of command (`kinerja.people.chain`, loaded by
`kinerja.people.holdings.chain_of_command_load`), so they change with a mutasi or a Plt
without anyone editing a role:

- `is_supervisor_of`: the actor holds the post that supervises the employee's primary post on
  that date, definitively or as Plt/Plh; if that post is vacant, the holder of the next post up.
- `is_appraiser_of`: the actor rates the employee (the supervisor above, except for heads of
  agency and JPT, whom the Wali Kota rates: no user is their appraiser).
- `is_appraiser_superior_of`: the actor is the appraiser's own superior (decides objections).
- `is_in_team_of`: the employee is among the actor's subordinates ("Tim saya"): holders of the
  posts the actor's posts supervise (held definitively or as Plt/Plh), and through a vacant
  post the holders of the posts below it. `team_chain_of` is that team as a chain.
- `can_manage_employee`: the Admin OPD scope written once: Admin BKPSDM for anyone, an Admin
  OPD for employees whose home agency (stored as `Employee.home_agency` by
  `holdings.employee_homes_refresh`) is their agency.

`actor` is `kinerja.accounts.actors.Actor`; None (the system) is nobody's supervisor. An actor
without an employee record (a staff account) holds no post. `day` defaults to today.
"""

from __future__ import annotations

from datetime import date

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import can_manage_agency, require
from kinerja.people.chain import Chain, Holder, Official
from kinerja.people.holdings import (
    chain_of_command_load,
    employee_home_agency_id,
    employee_id_for_user,
    today,
)
from kinerja.people.models import Employee

OTHER_AGENCY = "Anda hanya dapat mengubah data pegawai perangkat daerah Anda sendiri."


def _employee_id(employee: Employee | int) -> int:
    return employee if isinstance(employee, int) else employee.pk


def _holds(official: Official, employee_id: int | None) -> bool:
    return isinstance(official, Holder) and official.employee_id == employee_id


def _chain(actor: Actor, employee: Employee | int, day: date | None) -> tuple[int | None, Chain]:
    actor_employee_id = employee_id_for_user(actor)
    if actor_employee_id is None:
        return None, Chain(employee_id=_employee_id(employee), day=day or today())
    chain = chain_of_command_load(employee_id=_employee_id(employee), day=day or today())
    return actor_employee_id, chain


def is_supervisor_of(actor: Actor, employee: Employee | int, *, day: date | None = None) -> bool:
    """Atasan langsung: the actor holds (or acts in) the post that supervises the employee."""
    me, chain = _chain(actor, employee, day)
    return _holds(chain.supervisor, me)


def is_appraiser_of(actor: Actor, employee: Employee | int, *, day: date | None = None) -> bool:
    """Pejabat penilai kinerja: the actor rates the employee on `day`."""
    me, chain = _chain(actor, employee, day)
    return _holds(chain.appraiser, me)


def is_appraiser_superior_of(
    actor: Actor, employee: Employee | int, *, day: date | None = None
) -> bool:
    """Atasan pejabat penilai: the appraiser's own superior on `day` (decides objections)."""
    me, chain = _chain(actor, employee, day)
    return _holds(chain.appraiser_superior, me)


def team_chain_of(actor: Actor, *, day: date | None = None) -> Chain | None:
    """The actor's own chain of command on `day`, whose subordinates are their team ("Tim
    saya"); None for an actor without an employee record (the system, staff accounts)."""
    me = employee_id_for_user(actor)
    if me is None:
        return None
    return chain_of_command_load(employee_id=me, day=day or today())


def is_in_team_of(actor: Actor, employee: Employee | int, *, day: date | None = None) -> bool:
    """The employee is one of the actor's subordinates on `day`: exactly the people "Tim saya"
    lists, so every name there opens the profile."""
    chain = team_chain_of(actor, day=day)
    if chain is None:
        return False
    employee_id = _employee_id(employee)
    return any(holder.employee_id == employee_id for holder in chain.subordinates)


def can_manage_employee(actor: Actor, employee: Employee | int) -> bool:
    """Change an employee's record or posts: BKPSDM anyone, Admin OPD their home agency's.

    The home agency is the agency of the most recent definitive assignment, the same rule the
    pages use to list people; an employee with no post has none, so only BKPSDM manages them.
    A loaded Employee carries it (`home_agency_id`, stored): no query.
    """
    if isinstance(employee, Employee):
        home: int | None = employee.home_agency_id
    else:
        home = employee_home_agency_id(employee_id=employee)
    return can_manage_agency(actor, home)


def require_manage_employee(actor: Actor, employee: Employee | int) -> None:
    """Refuse (403) unless `can_manage_employee`; the system (None) may always."""
    if actor is not None:
        require(can_manage_employee(actor, employee), OTHER_AGENCY)
