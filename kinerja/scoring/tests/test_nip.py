"""Reading and validating NIP (PNS) and NI PPPK numbers."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.scoring.nip import (
    EmploymentType,
    Gender,
    InvalidNip,
    format_nip,
    parse_nip,
)

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    "typed",
    [
        "19860926 201505 1 001",
        "19860926.201505.1.001",
        "198609262015051001",
        " 19860926 201505 1 001 ",
    ],
)
def test_a_pns_nip_is_read_with_spaces_or_dots(typed: str) -> None:
    info = parse_nip(typed, today=TODAY)
    assert info.nip == "198609262015051001"
    assert info.employment_type is EmploymentType.PNS
    assert info.employment_type_inferred is True
    assert info.birth_date == date(1986, 9, 26)
    assert (info.appointment_year, info.appointment_month) == (2015, 5)
    assert info.pppk_code is None
    assert info.gender is Gender.L
    assert info.sequence == 1


def test_a_pppk_number_is_recognised_when_digits_13_and_14_are_not_a_month() -> None:
    info = parse_nip("19900101 2021 21 2 015", today=TODAY)
    assert info.employment_type is EmploymentType.PPPK
    assert info.employment_type_inferred is True
    assert (info.appointment_year, info.appointment_month, info.pppk_code) == (2021, None, "21")
    assert info.gender is Gender.P
    assert info.sequence == 15


def test_a_given_employment_type_is_used_and_not_marked_inferred() -> None:
    info = parse_nip("199001012021211015", "pppk", today=TODAY)
    assert info.employment_type == "PPPK"
    assert info.employment_type_inferred is False
    assert parse_nip("198609262015051001", "PNS", today=TODAY).employment_type_inferred is False


def test_the_current_date_is_used_when_today_is_not_given() -> None:
    assert parse_nip("198609262015051001").sequence == 1


@pytest.mark.parametrize(
    ("typed", "employment_type", "code", "message"),
    [
        ("1986092620150510", None, "length", "NIP 1986092620150510 harus 18 digit; ditemukan 16"),
        ("", None, "length", "NIP  harus 18 digit; ditemukan 0"),
        ("19860926-201505-1-001", None, "not_digits", "ditemukan '-'"),
        ("1986O926 201505 1 001", None, "not_digits", "ditemukan 'O'"),
        ("19860230 201505 1 001", None, "birth_date", "Tanggal lahir 19860230"),
        ("19861301 201505 1 001", None, "birth_date", "bukan tanggal yang ada"),
        ("19860926 201513 1 001", "PNS", "appointment_month", "Bulan pengangkatan 13"),
        ("19860926 201500 1 001", "PNS", "appointment_month", "harus bulan 01-12"),
        ("19860926 201505 1 001", "PPPK", "employment_type", "bukan nomor PPPK"),
        ("19860926 201505 1 001", "CPNS", "employment_type", "pilih PNS atau PPPK"),
        ("19860926 201505 3 001", None, "gender", "Kode jenis kelamin 3"),
        ("19860926 201505 0 001", None, "gender", "1 (laki-laki) atau 2 (perempuan)"),
        ("19860926 201505 1 000", None, "sequence", "Nomor urut 000"),
        ("19860926 198509 1 001", None, "appointment_before_birth", "September 1985"),
        ("19860926 198609 1 001", None, "appointment_before_birth", "26 September 1986"),
        ("19860926 1986 21 1 001", None, "appointment_before_birth", "tahun 1986"),
        ("19860926 202612 1 001", None, "appointment_in_future", "Desember 2026"),
        ("19860926 2027 21 1 001", None, "appointment_in_future", "hari ini 29 November 2026"),
    ],
)
def test_an_invalid_nip_says_what_is_wrong(
    typed: str, employment_type: str | None, code: str, message: str
) -> None:
    with pytest.raises(InvalidNip) as raised:
        parse_nip(typed, employment_type, today=TODAY)
    assert raised.value.code == code
    assert message in str(raised.value)
    assert raised.value.message == str(raised.value)


def test_the_issue_example_message_is_exact() -> None:
    with pytest.raises(InvalidNip, match=r"^NIP 1986092620150510 harus 18 digit; ditemukan 16$"):
        parse_nip("1986092620150510")


def test_an_invalid_nip_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="18 digit"):
        parse_nip("123")


@pytest.mark.parametrize(
    ("nip", "today"),
    [
        ("19860926 198610 1 001", TODAY),  # the month after birth
        ("19860926 202611 1 001", TODAY),  # this month
        ("19860926 1987 21 1 001", TODAY),  # PPPK: the year after birth
        ("19860926 2026 21 1 001", TODAY),  # PPPK: this year
    ],
)
def test_an_appointment_just_after_birth_or_this_month_is_accepted(nip: str, today: date) -> None:
    assert parse_nip(nip, today=today).sequence == 1


def test_a_minimum_age_at_appointment_is_not_enforced() -> None:
    assert parse_nip("20100101 201102 1 001", today=TODAY).appointment_year == 2011


@pytest.mark.parametrize(
    ("nip", "employment_type", "printed"),
    [
        ("198609262015051001", None, "19860926 201505 1 001"),
        ("19860926.201505.1.001", None, "19860926 201505 1 001"),
        ("198609262021131001", None, "19860926 2021 13 1 001"),
        ("198609262021051001", "PPPK", "19860926 2021 05 1 001"),
    ],
)
def test_format_nip_groups_the_digits_as_printed(
    nip: str, employment_type: str | None, printed: str
) -> None:
    assert format_nip(nip, employment_type) == printed


def test_format_nip_refuses_an_unknown_employment_type() -> None:
    with pytest.raises(InvalidNip) as raised:
        format_nip("198609262015051001", "HONORER")
    assert raised.value.code == "employment_type"


def test_gender_and_employment_type_have_indonesian_labels() -> None:
    assert Gender.choices() == [("L", "Laki-laki"), ("P", "Perempuan")]
    assert EmploymentType.choices() == [("PNS", "PNS"), ("PPPK", "PPPK")]


@settings(max_examples=200, deadline=None)
@given(
    birth=st.dates(min_value=date(1940, 1, 1), max_value=date(2005, 12, 31)),
    years_later=st.integers(min_value=1, max_value=20),
    month=st.integers(min_value=1, max_value=12),
    gender=st.sampled_from(["1", "2"]),
    sequence=st.integers(min_value=1, max_value=999),
)
def test_a_generated_pns_nip_reads_back_its_parts(
    birth: date, years_later: int, month: int, gender: str, sequence: int
) -> None:
    year = birth.year + years_later
    digits = f"{birth:%Y%m%d}{year:04d}{month:02d}{gender}{sequence:03d}"
    info = parse_nip(format_nip(digits), today=TODAY)
    assert info.nip == digits
    assert info.employment_type is EmploymentType.PNS
    assert (info.birth_date, info.appointment_year, info.appointment_month) == (birth, year, month)
    assert info.gender == {"1": Gender.L, "2": Gender.P}[gender]
    assert info.sequence == sequence


@settings(max_examples=100, deadline=None)
@given(
    birth=st.dates(min_value=date(1940, 1, 1), max_value=date(2005, 12, 31)),
    years_later=st.integers(min_value=1, max_value=20),
    code=st.integers(min_value=13, max_value=99) | st.just(0),
)
def test_a_generated_pppk_number_reads_back_its_parts(
    birth: date, years_later: int, code: int
) -> None:
    year = birth.year + years_later
    digits = f"{birth:%Y%m%d}{year:04d}{code:02d}1001"
    info = parse_nip(format_nip(digits), today=TODAY)
    assert info.employment_type is EmploymentType.PPPK
    assert (info.appointment_year, info.pppk_code) == (year, f"{code:02d}")
