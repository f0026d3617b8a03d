"""The SKP as a spreadsheet: the same content as the PDF (`content.py`), one sheet in the
order of the form, for offices that copy it into e-Kinerja or their own files.

Every row goes through `kinerja.core.exports.xlsx_append`, so text a person typed ("=…",
"+62…") is stored as text and never runs as a formula.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kinerja.core.exports import xlsx_append, xlsx_bytes
from kinerja.core.templatetags.kinerja_ui import nip_grouped
from kinerja.planning.documents import content
from kinerja.planning.selectors import PlanDocument


def _result_header(head_form: bool) -> list[str]:
    parent = (
        _("Sasaran strategis yang diintervensi") if head_form else _("RHK atasan yang diintervensi")
    )
    columns = [pgettext("nomor urut", "No"), parent, _("Rencana hasil kerja")]
    if head_form:
        columns.append(_("Perspektif"))
    return [*columns, _("Aspek"), _("Indikator kinerja individu"), _("Target")]


def plan_xlsx_render(*, document: PlanDocument, today: date | None = None) -> bytes:
    """The XLSX bytes of one SKP (sheet "SKP")."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    plan = document.plan
    head_form = content.is_head_form(document)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "SKP"
    last = "G" if head_form else "F"
    bold_rows: list[int] = []
    merges: list[str] = []

    def row(*values: Any, bold: bool = False, merge: tuple[str, ...] = ()) -> None:
        """Append a row; `merge` names column spans of it ("A:F") shown as one cell."""
        xlsx_append(sheet, values)
        number = sheet.max_row
        if bold:
            bold_rows.append(number)
        merges.extend(f"{span.replace(':', f'{number}:')}{number}" for span in merge)

    whole = (f"A:{last}",)

    row(_("SASARAN KINERJA PEGAWAI"), bold=True, merge=whole)
    row(content.approach_text(plan).upper(), merge=whole)
    row(content.form_audience(document).upper(), merge=whole)
    notice = content.state_notice(plan)
    if notice:
        row(notice.upper(), bold=True, merge=whole)
    version = content.version_text(plan)
    if version:
        row(version, merge=whole)
    row(
        content.government_name().upper(), "", "", _("Periode penilaian"),
        content.period_text(plan), merge=("A:C", f"E:{last}"),
    )  # fmt: skip
    row()
    row(
        pgettext("nomor urut", "No"),
        _("Pegawai yang dinilai"),
        "",
        pgettext("nomor urut", "No"),
        _("Pejabat penilai kinerja"),
        "",
        bold=True,
    )
    employee_unit = ", ".join(p for p in (document.unit_name, document.agency_name) if p)
    appraiser_unit = content.government_name() if plan.appraiser_is_mayor else document.agency_name
    pairs = [
        (_("Nama"), plan.employee.full_name, document.appraiser_name),
        (_("NIP"), nip_grouped(plan.employee.nip), nip_grouped(document.appraiser_nip)),
        (
            _("Pangkat/Gol. ruang"),
            content.grade_text(document.employee_grade),
            content.grade_text(document.appraiser_grade),
        ),
        (_("Jabatan"), plan.position.name, document.appraiser_position_name),
        (_("Unit kerja"), employee_unit, appraiser_unit),
    ]
    for number, (label, employee_value, appraiser_value) in enumerate(pairs, start=1):
        row(number, label, employee_value, number, label, appraiser_value)
    row()

    row(_("HASIL KERJA"), bold=True, merge=whole)
    row(*_result_header(head_form), bold=True)
    for title, views in ((_("A. UTAMA"), document.main), (_("B. TAMBAHAN"), document.additional)):
        row(title, bold=True, merge=whole)
        rows = content.result_rows(views)
        if not rows:
            row(_("Tidak ada."), merge=whole)
        for line in rows:
            values: list[Any] = [int(line.number), line.parent_text, line.result_text]
            if head_form:
                values.append(line.perspective)
            row(*values, line.aspect, line.indicator_text, line.target)
    row()

    expectation = (f"C:{last}",)
    row(_("PERILAKU KERJA"), bold=True, merge=whole)
    row(
        pgettext("nomor urut", "No"), _("Perilaku kerja"), _("Ekspektasi khusus pimpinan"),
        bold=True, merge=expectation,
    )  # fmt: skip
    for number, value in enumerate(document.expectations, start=1):
        behaviors = "\n".join(f"• {b}" for b in value.behaviors)
        row(number, f"{value.name}\n{behaviors}", value.text, merge=expectation)
    row()

    annex = ("A:B", f"C:{last}")
    row(_("LAMPIRAN SASARAN KINERJA PEGAWAI"), bold=True, merge=whole)
    row(_("Dukungan sumber daya"), "", plan.resource_support, merge=annex)
    row(_("Skema pertanggungjawaban"), "", plan.accountability_scheme, merge=annex)
    row(_("Konsekuensi"), "", plan.consequences, merge=annex)
    row()

    row("", "", "", "", content.signature_line(plan, today=today))
    row("", _("Pegawai yang dinilai"), "", "", _("Pejabat penilai kinerja"))
    row("", plan.employee.full_name, "", "", document.appraiser_name, bold=True)
    nip = nip_grouped(document.appraiser_nip)
    row("", f"NIP {nip_grouped(plan.employee.nip)}", "", "", f"NIP {nip}" if nip else "")

    for number in bold_rows:
        for cell in sheet[number]:
            cell.font = Font(bold=True)
    for span in merges:
        sheet.merge_cells(span)
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.alignment = wrap
    widths = [6, 40, 40, 14, 40, 18, 18] if head_form else [6, 40, 40, 14, 40, 18]
    for index, width in enumerate(widths):
        sheet.column_dimensions["ABCDEFG"[index]].width = width

    return xlsx_bytes(workbook)
