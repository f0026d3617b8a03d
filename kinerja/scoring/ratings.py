"""Ratings, the employee's predikat and the organisation's predikat (PermenPANRB 6/2022).

An appraiser gives two ratings, one for results (hasil kerja) and one for behaviour (perilaku
kerja); the predikat follows from the two through a 3 * 3 matrix. The organisation predikat is
set by the leader above and steers the distribution of the employees' predikat (see
`kinerja.scoring.distribution`).

Sources: PermenPANRB 6/2022 (ratings, predikat, matrix) as summarised in
/work/shared/reference/REGULATIONS.md §1; the matrix is [V2] (eight independent
implementations agree).
"""

from collections.abc import Mapping

from kinerja.scoring.choices import RankedEnum


class Rating(RankedEnum):
    """Rating of results or of behaviour: above, meets or below expectation.

    PermenPANRB 6/2022: "Di Atas Ekspektasi / Sesuai Ekspektasi / Di Bawah Ekspektasi". [V2]
    """

    ABOVE = "ABOVE"
    MEETS = "MEETS"
    BELOW = "BELOW"

    @classmethod
    def label_table(cls) -> Mapping[str, str]:
        return {
            "ABOVE": "Di Atas Ekspektasi",
            "MEETS": "Sesuai Ekspektasi",
            "BELOW": "Di Bawah Ekspektasi",
        }


class Predikat(RankedEnum):
    """The employee's performance predikat (PermenPANRB 6/2022). [V2]

    Declared best first, as the regulation lists them: `rank` runs SANGAT_KURANG 0 < KURANG 1 <
    BUTUH_PERBAIKAN 2 < BAIK 3 < SANGAT_BAIK 4. Under this order the matrix is monotone in each
    rating (see docs/scoring.md, "Predikat matrix").
    """

    SANGAT_BAIK = "SANGAT_BAIK"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"

    @classmethod
    def label_table(cls) -> Mapping[str, str]:
        return {
            "SANGAT_BAIK": "Sangat Baik",
            "BAIK": "Baik",
            "BUTUH_PERBAIKAN": "Butuh Perbaikan",
            "KURANG": "Kurang/Misconduct",
            "SANGAT_KURANG": "Sangat Kurang",
        }


class OrganizationPredikat(RankedEnum):
    """The organisation's predikat, set by the leader above (PermenPANRB 6/2022). [V2]"""

    ISTIMEWA = "ISTIMEWA"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"

    @classmethod
    def label_table(cls) -> Mapping[str, str]:
        return {
            "ISTIMEWA": "Istimewa",
            "BAIK": "Baik",
            "BUTUH_PERBAIKAN": "Butuh Perbaikan",
            "KURANG": "Kurang",
            "SANGAT_KURANG": "Sangat Kurang",
        }


PREDIKAT_MATRIX: Mapping[tuple[Rating, Rating], Predikat] = {
    # (results, behaviour): predikat
    (Rating.ABOVE, Rating.ABOVE): Predikat.SANGAT_BAIK,
    (Rating.ABOVE, Rating.MEETS): Predikat.BAIK,
    (Rating.ABOVE, Rating.BELOW): Predikat.KURANG,
    (Rating.MEETS, Rating.ABOVE): Predikat.BAIK,
    (Rating.MEETS, Rating.MEETS): Predikat.BAIK,
    (Rating.MEETS, Rating.BELOW): Predikat.KURANG,
    (Rating.BELOW, Rating.ABOVE): Predikat.BUTUH_PERBAIKAN,
    (Rating.BELOW, Rating.MEETS): Predikat.BUTUH_PERBAIKAN,
    (Rating.BELOW, Rating.BELOW): Predikat.SANGAT_KURANG,
}
"""The predikat for each (results rating, behaviour rating): PermenPANRB 6/2022. [V2]"""


def predikat(results: Rating, behavior: Rating) -> Predikat:
    """The employee's predikat from the results rating and the behaviour rating.

    PermenPANRB 6/2022, predikat matrix (kuadran kinerja pegawai) [V2]: behaviour below
    expectation means Kurang/Misconduct whatever the results, unless the results are also below
    (Sangat Kurang); results below with behaviour at or above expectation is Butuh Perbaikan.
    """
    return PREDIKAT_MATRIX[(Rating(results), Rating(behavior))]
