"""Writes about employees and their assignments. Each checks the actor's right and is audited.

`actor` is `kinerja.accounts.actors.Actor` (None is the system). Every entrance (page form,
API, spreadsheet import) calls these services, so the agency scope is checked here, once:
an Admin OPD acts only on employees whose home agency is theirs
(`kinerja.people.permissions.can_manage_employee`) and on posts of their agency; a move or a
Plt across agencies needs the right on both sides (in practice Admin BKPSDM). An employee with
no post at all has no home agency, so only Admin BKPSDM may place them.

Every service that writes an assignment refreshes the employee's stored home
(`holdings.employee_homes_refresh`) in the same transaction, and on the instance it was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import (
    can_manage_agency,
    can_manage_city,
    managed_agency_id,
    require,
)
from kinerja.audit.services import audit_record
from kinerja.organization.models import Position
from kinerja.organization.services import position_create
from kinerja.people.holdings import employee_homes_refresh
from kinerja.people.identity import grade_refusal, identity_check
from kinerja.people.models import Assignment, Employee, EmployeeStatus
from kinerja.people.permissions import OTHER_AGENCY, require_manage_employee
from kinerja.scoring.nip import format_nip

Errors = dict[str, list[str]]


def _homes_refresh(employee: Employee) -> None:
    """Store the employee's home after their assignments changed, in the row and on the
    instance the caller holds (so a next service call with it sees the new home)."""
    if employee_homes_refresh(employee_ids=[employee.pk]):
        employee.refresh_from_db(fields=["home_agency", "home_unit"])


def _require_agency(actor: Actor, agency_id: int | None) -> None:
    if actor is not None:
        require(can_manage_agency(actor, agency_id), OTHER_AGENCY)


def _day(value: date) -> str:
    return value.strftime("%d-%m-%Y")


def employee_snapshot(employee: Employee) -> dict[str, Any]:
    return {
        "nip": employee.nip,
        "employment_type": employee.employment_type,
        "name": employee.name,
        "title_prefix": employee.title_prefix,
        "title_suffix": employee.title_suffix,
        "gender": employee.gender,
        "birth_date": employee.birth_date,
        "grade": employee.grade,
        "status": employee.status,
        "user_id": employee.user_id,
    }


def assignment_snapshot(assignment: Assignment) -> dict[str, Any]:
    return {
        "employee_id": assignment.employee_id,
        "position_id": assignment.position_id,
        "start_date": assignment.start_date,
        "end_date": assignment.end_date,
        "is_acting": assignment.is_acting,
        "acting_kind": assignment.acting_kind,
        "note": assignment.note,
    }


def _holder_conflict(position: Position, day: date, *, exclude: int | None = None) -> str | None:
    """The refusal when a non-acting assignment of `position` is open on or after `day`."""
    clash = (
        Assignment.objects.filter(position=position, is_acting=False)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .exclude(pk=exclude or 0)
        .select_related("employee")
        .order_by("start_date")
        .first()
    )
    if clash is None:
        return None
    holder = clash.employee
    return (
        f"Jabatan {position.name} sudah dipegang {holder.full_name} ({format_nip(holder.nip)}) "
        f"sejak {_day(clash.start_date)}; gunakan Plt/Plh atau akhiri penugasan itu dulu."
    )


@dataclass(frozen=True)
class NewPost:
    """A post created on the spot while placing an employee, when no vacant post fits: it sits
    under `supervisor` (chosen from the agency's tree), in the supervisor's agency and unit."""

    name: str
    kind: str
    supervisor: Position
    level: str = ""

    @property
    def agency_id(self) -> int:
        return self.supervisor.agency_id


def _post_create(actor: Actor, new_post: NewPost) -> Position:
    """Through organization's `position_create` (it checks the actor's right and audits);
    its refusals are re-keyed `new_post_<field>` so a form shows them on the new post."""
    supervisor = new_post.supervisor
    try:
        return position_create(
            actor=actor,
            agency=supervisor.agency,
            unit=supervisor.unit,
            name=new_post.name,
            kind=new_post.kind,
            level=new_post.level,
            supervisor=supervisor,
        )
    except ValidationError as error:
        raise ValidationError(
            {f"new_post_{field}": messages for field, messages in error.message_dict.items()}
        ) from error


def _placement_errors(position: Position | None, new_post: NewPost | None) -> Errors:
    if position is not None and new_post is not None:
        return {
            "new_post_name": [
                f"Pilih jabatan lowong {position.name} atau buat jabatan baru "
                f"{new_post.name}, tidak keduanya."
            ]
        }
    return {}


def employee_create(
    *,
    actor: Actor,
    nip: str,
    employment_type: str,
    name: str,
    gender: str,
    birth_date: date,
    grade: str,
    title_prefix: str = "",
    title_suffix: str = "",
    position: Position | None = None,
    new_post: NewPost | None = None,
    start_date: date | None = None,
) -> Employee:
    """Add an employee, optionally with a first (definitive) assignment in `position` or in a
    `new_post` created in the same transaction (no vacancy is no dead end).

    Admin OPD must place the employee in a post of their agency; without a post only Admin
    BKPSDM may add one (otherwise nobody but BKPSDM could see them).
    """
    placed = position if position is not None else new_post
    if actor is not None:
        if placed is not None:
            require(can_manage_agency(actor, placed.agency_id), OTHER_AGENCY)
        elif not can_manage_city(actor):
            require(
                managed_agency_id(actor) is not None,
                "Hanya Admin BKPSDM dan Admin OPD yang dapat menambah pegawai.",
            )
            raise ValidationError(
                {
                    "position": [
                        "Jabatan wajib dipilih: Admin OPD hanya dapat menambah pegawai dengan "
                        "jabatan di perangkat daerahnya (tanpa jabatan, pegawai tidak terlihat "
                        "oleh perangkat daerah mana pun; hubungi Admin BKPSDM)."
                    ]
                }
            )
    checked = identity_check(
        nip=nip, employment_type=employment_type, gender=gender, birth_date=birth_date, grade=grade
    )
    errors: Errors = {key: [reason] for key, reason in checked.errors.items()}
    digits = checked.info.nip if checked.info else ""
    if not name.strip():
        errors["name"] = ["Nama wajib diisi (tanpa gelar; gelar di kolom gelar)."]
    if digits and Employee.objects.filter(nip=digits).exists():
        errors["nip"] = [f"NIP {format_nip(digits)} sudah terdaftar untuk pegawai lain."]
    if placed is not None and start_date is None:
        errors["start_date"] = ["Tanggal mulai penugasan wajib diisi bila jabatan dipilih."]
    errors.update(_placement_errors(position, new_post))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if new_post is not None:
            position = _post_create(actor, new_post)
        if position is not None:
            Position.objects.select_for_update().filter(pk=position.pk).first()
            assert start_date is not None
            conflict = _holder_conflict(position, start_date)
            if conflict:
                raise ValidationError({"position": [conflict]})
        employee = Employee.objects.create(
            nip=digits,
            employment_type=employment_type,
            name=name.strip(),
            title_prefix=title_prefix.strip(),
            title_suffix=title_suffix.strip(),
            gender=gender,
            birth_date=birth_date,
            grade=grade,
        )
        audit_record(
            actor=actor, action="employee.created", obj=employee, after=employee_snapshot(employee)
        )
        if position is not None:
            assert start_date is not None
            assignment = Assignment.objects.create(
                employee=employee, position=position, start_date=start_date
            )
            audit_record(
                actor=actor,
                action="assignment.started",
                obj=assignment,
                after=assignment_snapshot(assignment),
            )
            _homes_refresh(employee)
    return employee


def employee_update(
    *,
    actor: Actor,
    employee: Employee,
    name: str | None = None,
    title_prefix: str | None = None,
    title_suffix: str | None = None,
    grade: str | None = None,
    status: str | None = None,
) -> Employee:
    """Change name, titles, grade or status. NIP, birth date and gender follow the NIP and are
    corrected by BKPSDM through a new record, not here."""
    require_manage_employee(actor, employee)
    before = employee_snapshot(employee)
    errors: Errors = {}
    if name is not None and not name.strip():
        errors["name"] = ["Nama wajib diisi (tanpa gelar; gelar di kolom gelar)."]
    if grade is not None and (refusal := grade_refusal(grade, employee.employment_type)):
        errors["grade"] = [refusal]
    if status is not None and status not in EmployeeStatus.values:
        errors["status"] = [
            f"Status {status!r} tidak dikenal; pilihan: {', '.join(EmployeeStatus.values)}."
        ]
    if errors:
        raise ValidationError(errors)
    for field, value in [
        ("name", name),
        ("title_prefix", title_prefix),
        ("title_suffix", title_suffix),
        ("grade", grade),
        ("status", status),
    ]:
        if value is not None:
            setattr(employee, field, value.strip())
    after = employee_snapshot(employee)
    changed = [field for field in after if after[field] != before[field]]
    if not changed:
        return employee
    with transaction.atomic():
        employee.save(update_fields=[*changed, "updated_at"])
        audit_record(
            actor=actor, action="employee.updated", obj=employee, before=before, after=after
        )
    return employee


def move_closing_day(start_date: date) -> date:
    """A move (mutasi) ends the old definitive post on the day before the new one starts.

    Shared with the import, which applies the same rule to a file's new definitive posts.
    """
    return start_date - timedelta(days=1)


def employee_move(
    *,
    actor: Actor,
    employee: Employee,
    start_date: date,
    position: Position | None = None,
    new_post: NewPost | None = None,
    note: str = "",
) -> Assignment:
    """Mutasi: end the current definitive assignment the day before and start the new one, in
    `position` or in a `new_post` created in the same transaction."""
    require_manage_employee(actor, employee)
    placed = position if position is not None else new_post
    if placed is not None:
        _require_agency(actor, placed.agency_id)
    errors: Errors = {}
    if employee.status != EmployeeStatus.ACTIVE:
        errors["employee"] = [
            f"{employee.full_name} berstatus {employee.get_status_display()}; "
            "hanya pegawai aktif yang dapat dimutasi."
        ]
    if placed is None:
        errors["position"] = ["Jabatan baru wajib dipilih, atau buat jabatan baru."]
    errors.update(_placement_errors(position, new_post))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if new_post is not None:
            position = _post_create(actor, new_post)
        assert position is not None
        Position.objects.select_for_update().filter(pk=position.pk).first()
        current = list(
            Assignment.objects.select_for_update()
            .filter(employee=employee, is_acting=False)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=start_date))
            .select_related("position")
        )
        for old in current:
            if old.position_id == position.pk:
                raise ValidationError(
                    {"position": [f"{employee.full_name} sudah memegang jabatan {position.name}."]}
                )
            if old.start_date >= start_date:
                raise ValidationError(
                    {
                        "start_date": [
                            f"Tanggal mutasi {_day(start_date)} harus sesudah mulai penugasan "
                            f"sekarang ({old.position.name}, {_day(old.start_date)})."
                        ]
                    }
                )
        conflict = _holder_conflict(position, start_date)
        if conflict:
            raise ValidationError({"position": [conflict]})
        for old in current:
            before = assignment_snapshot(old)
            old.end_date = move_closing_day(start_date)
            old.save(update_fields=["end_date", "updated_at"])
            audit_record(
                actor=actor,
                action="assignment.ended",
                obj=old,
                before=before,
                after=assignment_snapshot(old),
            )
        assignment = Assignment.objects.create(
            employee=employee, position=position, start_date=start_date, note=note.strip()
        )
        audit_record(
            actor=actor,
            action="employee.moved",
            obj=assignment,
            before={"assignment_ids": [old.pk for old in current]},
            after=assignment_snapshot(assignment),
        )
        _homes_refresh(employee)
    return assignment


def assignment_start(
    *,
    actor: Actor,
    employee: Employee,
    position: Position,
    start_date: date,
    end_date: date | None = None,
    is_acting: bool = False,
    acting_kind: str = "",
    note: str = "",
) -> Assignment:
    """Start an assignment: a first definitive post, or a Plt/Plh in a second post."""
    require_manage_employee(actor, employee)
    _require_agency(actor, position.agency_id)
    errors: Errors = {}
    if end_date is not None and end_date < start_date:
        errors["end_date"] = [
            f"Tanggal selesai {_day(end_date)} tidak boleh sebelum tanggal mulai "
            f"{_day(start_date)}."
        ]
    if is_acting and acting_kind not in Assignment.ActingKind.values:
        errors["acting_kind"] = ["Jenis penugasan sementara wajib dipilih: PLT atau PLH."]
    if not is_acting:
        acting_kind = ""
    if employee.status != EmployeeStatus.ACTIVE:
        errors["employee"] = [
            f"{employee.full_name} berstatus {employee.get_status_display()}; "
            "hanya pegawai aktif yang dapat ditugaskan."
        ]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Position.objects.select_for_update().filter(pk=position.pk).first()
        open_here = Assignment.objects.filter(employee=employee, position=position).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=start_date)
        )
        if open_here.exists():
            raise ValidationError(
                {"position": [f"{employee.full_name} sudah ditugaskan pada {position.name}."]}
            )
        if not is_acting:
            conflict = _holder_conflict(position, start_date)
            if conflict:
                raise ValidationError({"position": [conflict]})
            own = (
                Assignment.objects.filter(employee=employee, is_acting=False)
                .filter(Q(end_date__isnull=True) | Q(end_date__gte=start_date))
                .exists()
            )
            if own:
                raise ValidationError(
                    {
                        "position": [
                            f"{employee.full_name} masih memegang jabatan definitif; "
                            "gunakan mutasi untuk pindah jabatan."
                        ]
                    }
                )
        assignment = Assignment.objects.create(
            employee=employee,
            position=position,
            start_date=start_date,
            end_date=end_date,
            is_acting=is_acting,
            acting_kind=acting_kind,
            note=note.strip(),
        )
        audit_record(
            actor=actor,
            action="assignment.started",
            obj=assignment,
            after=assignment_snapshot(assignment),
        )
        _homes_refresh(employee)
    return assignment


def assignment_end(*, actor: Actor, assignment: Assignment, end_date: date) -> Assignment:
    """End an assignment on `end_date` (inclusive); it cannot end before it starts."""
    _require_agency(actor, assignment.position.agency_id)
    if end_date < assignment.start_date:
        raise ValidationError(
            {
                "end_date": [
                    f"Tanggal selesai {_day(end_date)} tidak boleh sebelum tanggal mulai "
                    f"{_day(assignment.start_date)}."
                ]
            }
        )
    if assignment.end_date is not None and assignment.end_date < end_date:
        raise ValidationError(
            {
                "end_date": [
                    f"Penugasan ini sudah berakhir pada {_day(assignment.end_date)}; "
                    "tanggal selesai hanya boleh dimajukan."
                ]
            }
        )
    before = assignment_snapshot(assignment)
    with transaction.atomic():
        assignment.end_date = end_date
        assignment.save(update_fields=["end_date", "updated_at"])
        audit_record(
            actor=actor,
            action="assignment.ended",
            obj=assignment,
            before=before,
            after=assignment_snapshot(assignment),
        )
        # The home does not depend on end dates today; refreshed all the same, so that the
        # rule may change in one place.
        employee_homes_refresh(employee_ids=[assignment.employee_id])
    return assignment
