"""The survey demo: every demo service unit has services, populations and twelve months of
responses; grades A-D all occur this year, the supervisor's Adminduk desk is B with enough
respondents, one Puskesmas improves; idempotent and quick."""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import pairwise

import pytest
from django.db.models import Count
from django.db.models.functions import TruncMonth

from kinerja.accounts.demo import demo_seed as accounts_demo_seed
from kinerja.audit.models import AuditEvent
from kinerja.core.demo import DemoOptions
from kinerja.organization.demo import demo_seed as organization_demo_seed
from kinerja.organization.models import ServiceUnit
from kinerja.people.demo import demo_seed as people_demo_seed
from kinerja.people.testing import Personas
from kinerja.scoring.formatting import format_decimal
from kinerja.scoring.ikm import sample_size
from kinerja.surveys.aggregation import totals_by_month, totals_of
from kinerja.surveys.demo_responses import responses_demo_seed
from kinerja.surveys.models import Channel, Service, ServicePopulation, SurveyResponse
from kinerja.surveys.testing import make_service_unit

pytestmark = pytest.mark.django_db


def _grade_this_year(unit: ServiceUnit, year: int) -> tuple[str, int]:
    result = totals_of(SurveyResponse.objects.filter(service_unit=unit, survey_date__year=year))
    ikm = result.ikm()
    assert ikm is not None, unit.name
    return ikm.grade, ikm.respondents


def _required(unit: ServiceUnit, year: int) -> int:
    return sample_size(ServicePopulation.objects.get(service_unit=unit, year=year).population)


def test_every_demo_service_unit_gets_a_year_of_responses_with_every_grade() -> None:
    options = DemoOptions(employees=60, seed=2)
    for seed in (accounts_demo_seed, organization_demo_seed, people_demo_seed):
        seed(options)
    units = list(ServiceUnit.objects.order_by("slug"))
    assert len(units) > 60  # Adminduk, MPP, five Puskesmas, five PATEN, every kelurahan
    lines = responses_demo_seed(options)  # its speed is measured by `make bench`, not here
    total = SurveyResponse.objects.count()
    assert lines == [
        f"Survei demo: {format_decimal(total, 0)} jawaban untuk {len(units)} unit layanan "
        "(12 bulan terakhir), dengan jenis layanan dan populasi pengguna layanan."
    ]
    assert 20_000 < total <= 60_000
    year = options.today.year
    services = Counter(Service.objects.values_list("service_unit_id", flat=True))
    assert all(2 <= services[unit.pk] <= 4 for unit in units)
    adminduk = ServiceUnit.objects.get(name="Loket Pelayanan Adminduk")
    assert set(Service.objects.filter(service_unit=adminduk).values_list("name", flat=True)) == {
        "Perekaman KTP-el", "Kartu Keluarga", "Akta Kelahiran", "Surat Pindah",
    }  # fmt: skip
    puskesmas = Service.objects.filter(service_unit__name__startswith="Puskesmas")
    assert "Poli Gigi" in set(puskesmas.values_list("name", flat=True))
    populations = ServicePopulation.objects.values_list("service_unit_id", "year")
    assert set(populations) == {(u.pk, y) for u in units for y in (year - 1, year)}

    grades = {unit.name: _grade_this_year(unit, year) for unit in units}
    assert {grade for grade, _ in grades.values()} == {"A", "B", "C", "D"}
    grade, respondents = grades["Loket Pelayanan Adminduk"]
    assert grade == "B"
    assert respondents >= _required(adminduk, year)

    per_month = list(
        SurveyResponse.objects.annotate(month=TruncMonth("survey_date"))
        .values("service_unit_id", "month")
        .annotate(n=Count("pk"))
    )
    months = sorted({row["month"] for row in per_month})
    whole = [row["n"] for row in per_month if months[0] < row["month"] < months[-1]]
    assert min(whole) >= 25  # about 30-120 a month per unit
    assert max(whole) <= 130

    channels = Counter(SurveyResponse.objects.values_list("channel", flat=True))
    assert channels[Channel.ONLINE] > total / 2
    assert channels[Channel.KIOSK] > 0
    assert channels[Channel.PAPER] > 0
    hidden = SurveyResponse.objects.filter(suggestion_hidden=True)
    assert hidden.count() == 2
    assert all(reason.startswith("Memuat data pribadi") for reason in
               hidden.values_list("suggestion_hidden_reason", flat=True))  # fmt: skip
    assert SurveyResponse.objects.exclude(suggestion="").count() > 100

    improving = ServiceUnit.objects.filter(name__startswith="Puskesmas").order_by("slug")[0]
    by_month = totals_by_month(SurveyResponse.objects.filter(service_unit=improving))
    values = [totals.ikm().value for _, totals in sorted(by_month.items())]  # type: ignore[union-attr]
    assert len(values) >= 12
    assert sum(values[-3:]) - sum(values[:3]) > 3 * 10
    assert sum(later > earlier for earlier, later in pairwise(values)) >= 9

    assert responses_demo_seed(options) == ["Survei demo: setiap unit layanan sudah punya jawaban."]
    assert SurveyResponse.objects.count() == total
    assert AuditEvent.objects.filter(action="demo_surveys.seeded").count() == 1


def test_early_in_january_the_adminduk_desk_already_has_its_sample_and_grade_b(
    personas: Personas,
) -> None:
    adminduk = make_service_unit(unit=personas.staff.unit, name="Loket Pelayanan Adminduk")
    kelurahan = make_service_unit(unit=personas.staff.unit, name="Pelayanan Kelurahan Uji")
    options = DemoOptions(today=date(2026, 1, 3), seed=5)
    responses_demo_seed(options)
    grade, respondents = _grade_this_year(adminduk, 2026)
    assert grade == "B"
    assert respondents >= _required(adminduk, 2026)
    assert _grade_this_year(kelurahan, 2026)[1] >= 40
    assert not SurveyResponse.objects.filter(survey_date__gt=options.today).exists()


def test_the_demo_is_the_same_for_the_same_seed(personas: Personas) -> None:
    unit = make_service_unit(unit=personas.staff.unit, name="PATEN Kecamatan Uji", slug="paten")
    options = DemoOptions(today=date(2026, 6, 30), seed=7)
    responses_demo_seed(options)
    fields = ("survey_date", "channel", "u1", "u8", "u9", "gender", "age", "suggestion")
    first = list(SurveyResponse.objects.order_by("pk").values_list(*fields))
    SurveyResponse.objects.all().delete()
    Service.objects.all().delete()
    responses_demo_seed(options)
    assert list(SurveyResponse.objects.order_by("pk").values_list(*fields)) == first
    assert SurveyResponse.objects.filter(service_unit=unit).count() == len(first)
