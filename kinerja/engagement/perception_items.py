"""The instrument of the perception survey (survei persepsi): five dimensions of three Likert
items each, answered 1 (sangat tidak setuju) to 5 (sangat setuju), and one optional remark.

Modelled on organisational-justice and performance-appraisal reaction scales (clarity of
goals, procedural and distributive fairness, feedback utility, trust in the rater, system
acceptance); written for this city and not a validated translation of any published scale.
Documented in docs/perception-survey.md.
"""

from __future__ import annotations

from dataclasses import dataclass

K_MIN = 5
"""A group of fewer respondents shows no figure and no count (k-anonymity)."""
REMARK_MAX = 2000
"""Characters of the free-text remark at most."""
LOW_ACCEPTANCE = 60
"""An agency whose PENERIMAAN index is under this is flagged "penerimaan rendah"."""
SUPPRESSED_TEXT = "kurang dari 5 responden"

SCALE: tuple[tuple[int, str], ...] = (
    (1, "Sangat tidak setuju"),
    (2, "Tidak setuju"),
    (3, "Ragu-ragu"),
    (4, "Setuju"),
    (5, "Sangat setuju"),
)


@dataclass(frozen=True)
class Dimension:
    code: str
    label: str
    description: str


@dataclass(frozen=True)
class Item:
    code: str
    dimension: str
    text: str


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("KEJELASAN", "Kejelasan", "Kejelasan target kinerja dan cara hasil dihitung."),
    Dimension("KEADILAN", "Keadilan", "Keadilan penilaian dan proses penilaiannya."),
    Dimension("UMPAN_BALIK", "Umpan balik", "Kegunaan umpan balik yang diterima."),
    Dimension("KEPERCAYAAN", "Kepercayaan", "Kepercayaan kepada pejabat penilai kinerja."),
    Dimension("PENERIMAAN", "Penerimaan", "Penerimaan terhadap sistem penilaian kinerja."),
)
DIMENSION_CODES = tuple(d.code for d in DIMENSIONS)
DIMENSION_LABELS = {d.code: d.label for d in DIMENSIONS}

ITEMS: tuple[Item, ...] = (
    Item("P01", "KEJELASAN", "Saya tahu dengan jelas target kinerja yang harus saya capai."),
    Item("P02", "KEJELASAN", "Saya memahami cara nilai dan predikat kinerja saya dihitung."),
    Item("P03", "KEJELASAN", "Indikator kinerja saya dapat diukur dengan jelas."),
    Item("P04", "KEADILAN", "Predikat kinerja saya mencerminkan hasil kerja saya yang sebenarnya."),
    Item("P05", "KEADILAN", "Aturan penilaian diterapkan sama kepada semua pegawai."),
    Item("P06", "KEADILAN", "Saya dapat menyampaikan pendapat atau keberatan atas penilaian saya."),
    Item("P07", "UMPAN_BALIK", "Umpan balik yang saya terima membantu saya bekerja lebih baik."),
    Item("P08", "UMPAN_BALIK", "Atasan memberi umpan balik tepat waktu selama periode berjalan."),
    Item("P09", "UMPAN_BALIK", "Umpan balik yang saya terima jelas dan disertai contoh."),
    Item("P10", "KEPERCAYAAN", "Saya percaya pejabat penilai menilai saya dengan jujur."),
    Item("P11", "KEPERCAYAAN", "Pejabat penilai memahami pekerjaan saya dengan baik."),
    Item("P12", "KEPERCAYAAN", "Pejabat penilai memperlakukan saya dengan hormat."),
    Item("P13", "PENERIMAAN", "Sistem penilaian kinerja ini bermanfaat bagi pekerjaan saya."),
    Item("P14", "PENERIMAAN", "Waktu untuk mengisi penilaian kinerja sepadan dengan manfaatnya."),
    Item("P15", "PENERIMAAN", "Saya ingin sistem penilaian ini terus digunakan."),
)
ITEM_CODES = tuple(i.code for i in ITEMS)
ITEM_DIMENSION = {i.code: i.dimension for i in ITEMS}


def items_of(dimension: str) -> tuple[Item, ...]:
    return tuple(i for i in ITEMS if i.dimension == dimension)
