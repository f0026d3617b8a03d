"""The distribution curve as SVG (charts.py): no script, the guidance drawn, figures in words."""

from __future__ import annotations

from kinerja.evaluation.charts import (
    CURVE_ORDER,
    curve_data,
    curve_summary,
    distribution_curve_svg,
    guidance_sentences,
)
from kinerja.scoring.ratings import OrganizationPredikat, Predikat

BAIK_GROUP = {Predikat.BAIK: 4, Predikat.SANGAT_BAIK: 1}


def test_the_curve_is_a_standalone_svg_without_script_or_style_element() -> None:
    svg = distribution_curve_svg(
        title="Kurva <uji>", counts=BAIK_GROUP, organization=OrganizationPredikat.BAIK
    )
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert svg.endswith("</svg>")
    assert "<script" not in svg
    assert "<style" not in svg
    assert "<title>Kurva &lt;uji&gt;</title>" in svg
    assert "<polyline" in svg


def test_the_bars_carry_count_and_share_and_the_labels_run_from_sangat_kurang_to_sangat_baik() -> (
    None
):
    svg = distribution_curve_svg(title="K", counts=BAIK_GROUP, organization=None)
    assert "Baik: 4 pegawai (80,00%)" in svg
    assert "Sangat Baik: 1 pegawai (20,00%)" in svg
    assert svg.index(">Sangat<") < svg.index(">Butuh<") < svg.index(">Baik<")
    assert CURVE_ORDER[0] == Predikat.SANGAT_KURANG
    assert "Rentang pedoman" not in svg


def test_the_guidance_of_the_organisation_is_drawn_as_ranges_and_forbidden_marks() -> None:
    svg = distribution_curve_svg(
        title="K",
        counts={Predikat.SANGAT_KURANG: 5},
        organization=OrganizationPredikat.SANGAT_KURANG,
    )
    assert "Rentang pedoman" in svg
    assert "Tidak diperbolehkan" in svg
    assert "min 60%" in svg
    assert "Sangat Baik: tidak diperbolehkan" in svg


def test_the_guidance_reads_as_sentences() -> None:
    assert guidance_sentences(OrganizationPredikat.BAIK) == [
        "Baik: kelompok terbesar, paling banyak 70%",
        "Butuh Perbaikan atau Kurang/Misconduct (bersama-sama): paling sedikit 1 pegawai",
    ]
    assert guidance_sentences(OrganizationPredikat.KURANG)[1] == (
        "Butuh Perbaikan: paling sedikit 10%"
    )
    assert guidance_sentences(None) == []


def test_the_figures_and_the_summary_use_indonesian_numbers() -> None:
    counts = {Predikat.BAIK: 1200, Predikat.BUTUH_PERBAIKAN: 34}
    assert ("Baik", "1.200 pegawai (97,24%)") in curve_data(counts)
    assert curve_summary(counts=counts, organization=OrganizationPredikat.BAIK) == (
        "Sebaran 1.234 pegawai, terbanyak Baik (97,24%), dibandingkan pedoman untuk organisasi "
        "berpredikat Baik; angkanya ada di tabel."
    )
    assert curve_summary(counts={}, organization=None) == (
        "Belum ada pegawai yang berpredikat pada evaluasi ini."
    )


def test_the_same_svg_renders_in_a_weasyprint_pdf() -> None:
    from weasyprint import HTML

    svg = distribution_curve_svg(
        title="K", counts=BAIK_GROUP, organization=OrganizationPredikat.BAIK
    )
    pdf = HTML(string=f"<html><body><div>{svg}</div></body></html>").write_pdf()
    assert pdf is not None
    assert pdf.startswith(b"%PDF")
