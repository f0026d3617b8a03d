"""The plan of changes: checks that look at more than one row or at the database.

Rules that are ours, not the regulation's:
- Existing positions are matched by name within the agency (case and spacing ignored) and are
  never changed by an import; only missing positions are created, with the kind, level, unit,
  head flag and supervising position of the first row that names them.
- An assignment is identified by (employee, position, TMT, acting). A new definitive
  (non-acting) assignment closes the employee's other open definitive one, as a move does
  (`kinerja.people.services.move_closing_day`).
- An Admin OPD changes only employees whose home agency (the agency of their most recent
  definitive assignment, as on the pages) is theirs, and adds an employee only into a
  definitive post of that agency.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kinerja.people.imports.columns import cell_text
from kinerja.people.imports.reference import Reference
from kinerja.people.imports.report import ImportPlanCounts
from kinerja.people.imports.rows import ImportRow, Validator
from kinerja.people.models import Employee
from kinerja.people.permissions import can_manage_employee
from kinerja.people.services import move_closing_day


@dataclass
class NewPosition:
    key: tuple[int, str]
    row: int
    agency_id: int
    unit_id: int | None
    name: str
    kind: str
    level: str
    is_head: bool
    supervisor_key: tuple[int, str] | None


@dataclass
class Plan:
    employees_create: list[Employee] = field(default_factory=list)
    employees_update: list[tuple[Employee, dict[str, Any]]] = field(default_factory=list)
    positions_create: list[NewPosition] = field(default_factory=list)
    assignments_create: list[dict[str, Any]] = field(default_factory=list)
    assignments_change: dict[int, dict[str, Any]] = field(default_factory=dict)
    closed_ids: set[int] = field(default_factory=set)
    position_ids: dict[tuple[int, str], int] = field(default_factory=dict)

    def counts(self, unchanged: int) -> ImportPlanCounts:
        return ImportPlanCounts(
            employees_created=len(self.employees_create),
            employees_updated=len(self.employees_update),
            employees_unchanged=unchanged,
            positions_created=len(self.positions_create),
            assignments_created=len(self.assignments_create),
            assignments_updated=len(set(self.assignments_change) - self.closed_ids),
            assignments_closed=len(self.closed_ids),
        )


def plan_build(validator: Validator, rows: list[ImportRow], ref: Reference) -> tuple[Plan, int]:
    """Checks that look at more than one row or at the database, and the plan they imply."""
    plan = Plan()
    first_row_of_nip: dict[str, ImportRow] = {}
    unique_rows: list[ImportRow] = []
    for row in rows:
        if row.nip is None:
            continue
        first = first_row_of_nip.get(row.nip)
        if first is not None:
            validator.error(
                row,
                "nip",
                f"NIP {row.nip} sudah ada di baris {first.number}; satu pegawai satu baris.",
            )
            continue
        first_row_of_nip[row.nip] = row
        unique_rows.append(row)

    _check_agency_scope(validator, unique_rows, ref)
    # Positions come from every row, so that one bad NIP does not orphan its subordinates.
    new_positions = _resolve_positions(validator, rows, ref, plan)
    _check_supervision_loops(validator, new_positions)
    _plan_assignments(validator, unique_rows, ref, plan)
    unchanged = _plan_employees(unique_rows, ref, plan)
    return plan, unchanged


def _check_agency_scope(validator: Validator, rows: list[ImportRow], ref: Reference) -> None:
    """An Admin OPD changes only employees of their agency, and adds one only into a post."""
    if validator.scope_agency_id is None:
        return
    for row in rows:
        employee = ref.employees.get(row.nip or "")
        if employee is None:
            if not row.position_name or row.acting_kind:
                validator.error(
                    row,
                    "position",
                    f"Pegawai baru NIP {row.nip} harus ditempatkan pada jabatan definitif di "
                    "Perangkat Daerah Anda; isi Jabatan dan TMT Jabatan (tanpa Plt/Plh). "
                    "Pegawai tanpa jabatan hanya dapat ditambahkan Admin BKPSDM.",
                )
            continue
        if can_manage_employee(validator.actor, employee):
            continue
        home: int | None = employee.home_agency_id
        if home is None:
            reason = (
                f"Pegawai NIP {row.nip} belum pernah memegang jabatan definitif di Perangkat "
                "Daerah mana pun; hanya Admin BKPSDM yang dapat mengubahnya."
            )
        else:
            reason = (
                f"Pegawai NIP {row.nip} termasuk Perangkat Daerah lain (menurut jabatan "
                "definitif terakhirnya); Anda hanya boleh mengimpor pegawai Perangkat Daerah Anda."
            )
        validator.error(row, "nip", reason)


def _resolve_positions(
    validator: Validator, rows: list[ImportRow], ref: Reference, plan: Plan
) -> dict[tuple[int, str], NewPosition]:
    new: dict[tuple[int, str], NewPosition] = {}
    for row in rows:
        key = row.position_key
        if key is None or row.agency is None:
            continue
        existing = ref.positions.get(key, [])
        if len(existing) > 1:
            validator.error(
                row,
                "position",
                f"Nama jabatan {row.position_name} dipakai {len(existing)} jabatan di "
                f"{row.agency.name}; bedakan namanya di halaman struktur sebelum mengimpor.",
            )
        elif existing:
            plan.position_ids[key] = existing[0]["id"]
        elif key in new:
            first = new[key]
            if row.position_kind and row.position_kind != first.kind:
                validator.error(
                    row,
                    "position_kind",
                    f"Jenis Jabatan berbeda dengan baris {first.row} untuk jabatan baru "
                    f"{row.position_name}; samakan.",
                )
        elif not row.position_kind:
            if not cell_text(row.raw.get("position_kind")):
                validator.error(
                    row,
                    "position_kind",
                    f"Jabatan {row.position_name} belum ada di {row.agency.name}; isi Jenis "
                    "Jabatan agar jabatan itu dibuat.",
                )
        else:
            new[key] = NewPosition(
                key=key,
                row=row.number,
                agency_id=row.agency.pk,
                unit_id=row.unit_id,
                name=row.position_name,
                kind=row.position_kind,
                level=row.level,
                is_head=row.is_head,
                supervisor_key=row.supervisor_key,
            )
    known = set(ref.positions) | set(new)
    for row in rows:
        supervisor_key = row.supervisor_key
        if supervisor_key is None or row.agency is None or row.position_key is None:
            continue
        if supervisor_key not in known:
            validator.error(
                row,
                "supervisor",
                f"Jabatan Atasan {row.supervisor_name} tidak ditemukan di {row.agency.name}, "
                "baik di berkas maupun di data; isi nama jabatan atasan yang ada atau kosongkan "
                "untuk kepala.",
            )
        elif supervisor_key == row.position_key:
            validator.error(
                row, "supervisor", "Jabatan Atasan tidak boleh sama dengan Jabatan itu sendiri."
            )
        elif supervisor_key not in new:
            existing = ref.positions[supervisor_key]
            if len(existing) > 1:
                validator.error(
                    row,
                    "supervisor",
                    f"Nama jabatan atasan {row.supervisor_name} dipakai {len(existing)} jabatan "
                    f"di {row.agency.name}; bedakan namanya sebelum mengimpor.",
                )
            else:
                plan.position_ids[supervisor_key] = existing[0]["id"]
    plan.positions_create = list(new.values())
    return new


def _check_supervision_loops(validator: Validator, new: dict[tuple[int, str], NewPosition]) -> None:
    """Only new positions can form a loop: existing ones never point at a new one.

    Each loop is reported once, on the row that first names one of its positions.
    """
    reported: set[frozenset[tuple[int, str]]] = set()
    for position in new.values():
        if position.supervisor_key == position.key:
            continue  # reported as its own error by _resolve_positions
        seen = [position.key]
        current = position.supervisor_key
        while current is not None and current in new:
            if current in seen:
                cycle = seen[seen.index(current) :]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    first = min((new[key] for key in cycle), key=lambda p: p.row)
                    start = cycle.index(first.key)
                    ordered = [*cycle[start:], *cycle[:start], first.key]
                    names = " → ".join(new[key].name for key in ordered)
                    supervisor = new[first.supervisor_key] if first.supervisor_key else None
                    validator.error(
                        first.row,
                        "supervisor",
                        f"Jabatan Atasan membentuk lingkaran: {names}; setiap rantai atasan "
                        "harus berakhir pada kepala perangkat daerah.",
                        supervisor.name if supervisor else "",
                    )
                break
            seen.append(current)
            current = new[current].supervisor_key


def _overlaps(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    return (a_end is None or a_end >= b_start) and (b_end is None or b_end >= a_start)


def _plan_assignments(
    validator: Validator, rows: list[ImportRow], ref: Reference, plan: Plan
) -> None:
    release: dict[int, date] = {}
    placed = [r for r in rows if r.position_key is not None and r.start_date is not None]
    for row in placed:
        assert row.start_date is not None
        assert row.position_key is not None
        employee = ref.employees.get(row.nip or "")
        current = ref.assignments.get(employee.pk, []) if employee else []
        position_id = plan.position_ids.get(row.position_key)
        is_acting = bool(row.acting_kind)
        match = next(
            (
                a
                for a in current
                if position_id is not None
                and a["position_id"] == position_id
                and a["start_date"] == row.start_date
                and a["is_acting"] == is_acting
            ),
            None,
        )
        if match is not None:
            if match["end_date"] != row.end_date or match["acting_kind"] != row.acting_kind:
                plan.assignments_change.setdefault(match["id"], {}).update(
                    end_date=row.end_date, acting_kind=row.acting_kind
                )
            continue
        if not is_acting:
            for other in current:
                if other["is_acting"] or other["end_date"] is not None:
                    continue
                if other["start_date"] < row.start_date:
                    day_before = move_closing_day(row.start_date)
                    release[other["id"]] = day_before
                    plan.assignments_change.setdefault(other["id"], {})["end_date"] = day_before
                    plan.closed_ids.add(other["id"])
                elif row.end_date is None or row.end_date >= other["start_date"]:
                    validator.error(
                        row,
                        "start_date",
                        f"TMT Jabatan {row.start_date:%d-%m-%Y} tidak setelah mulai jabatan "
                        f"definitif pegawai ini sekarang ({other['start_date']:%d-%m-%Y}); "
                        "isi TMT yang lebih baru, atau Tanggal Selesai sebelum tanggal itu.",
                    )
        plan.assignments_create.append(
            {
                "nip": row.nip,
                "position_key": row.position_key,
                "start_date": row.start_date,
                "end_date": row.end_date,
                "is_acting": is_acting,
                "acting_kind": row.acting_kind,
            }
        )

    # A post has one definitive holder at a time: within the file …
    by_position: dict[tuple[int, str], list[ImportRow]] = defaultdict(list)
    for row in placed:
        if not row.acting_kind and row.position_key is not None:
            by_position[row.position_key].append(row)
    for same in by_position.values():
        for i, row in enumerate(same):
            assert row.start_date is not None
            for earlier in same[:i]:
                assert earlier.start_date is not None
                if _overlaps(row.start_date, row.end_date, earlier.start_date, earlier.end_date):
                    validator.error(
                        row,
                        "position",
                        f"Jabatan {row.position_name} dipegang definitif dua kali: juga oleh "
                        f"{earlier.describe()} pada rentang tanggal yang sama; tandai salah "
                        "satu sebagai Plt/Plh atau isi Tanggal Selesai.",
                    )
                    break
    # … and against the holders in the database who are someone else.
    for row in placed:
        position_id = plan.position_ids.get(row.position_key) if row.position_key else None
        if row.acting_kind or position_id is None or row.start_date is None:
            continue
        for holder in ref.holders.get(position_id, []):
            if holder["employee__nip"] == row.nip:
                continue
            released = release.get(holder["id"])
            if (row.end_date is None or row.end_date >= holder["start_date"]) and (
                released is None or row.start_date <= released
            ):
                validator.error(
                    row,
                    "position",
                    f"Jabatan {row.position_name} sudah dipegang definitif oleh NIP "
                    f"{holder['employee__nip']} sejak {holder['start_date']:%d-%m-%Y}; "
                    "gunakan Plt/Plh, atau impor juga perpindahan pejabat itu dengan TMT "
                    "sebelum TMT ini.",
                )
                break


EMPLOYEE_FIELDS = (
    "employment_type",
    "name",
    "title_prefix",
    "title_suffix",
    "gender",
    "birth_date",
    "grade",
    "status",
)


def _plan_employees(rows: list[ImportRow], ref: Reference, plan: Plan) -> int:
    unchanged = 0
    for row in rows:
        if not row.ok or row.nip is None:
            continue
        values = {name: getattr(row, name) for name in EMPLOYEE_FIELDS}
        employee = ref.employees.get(row.nip)
        if employee is None:
            plan.employees_create.append(Employee(nip=row.nip, **values))
            continue
        before = {
            name: getattr(employee, name)
            for name, value in values.items()
            if getattr(employee, name) != value
        }
        if before:
            for name in before:
                setattr(employee, name, values[name])
            plan.employees_update.append((employee, before))
        else:
            unchanged += 1
    return unchanged
