"""The stored home of an employee (agency and unit of the most recent definitive assignment),
filled for the existing rows by the rule `kinerja.people.holdings.employee_homes_refresh`
applies (written here against the historical models)."""

from typing import Any

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def homes_fill(apps: Any, schema_editor: Any) -> None:
    Assignment = apps.get_model("people", "Assignment")
    Employee = apps.get_model("people", "Employee")

    def home(column: str) -> Subquery:
        return Subquery(
            Assignment.objects.filter(employee=OuterRef("pk"), is_acting=False)
            .order_by("-start_date", "-pk")
            .values(column)[:1]
        )

    Employee.objects.update(
        home_agency_id=home("position__agency_id"), home_unit_id=home("position__unit_id")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("organization", "0002_unit_serviceunit_position_and_more"),
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="employee",
            name="home_agency",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="home_employees",
                to="organization.agency",
                verbose_name="perangkat daerah",
            ),
        ),
        migrations.AddField(
            model_name="employee",
            name="home_unit",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="home_employees",
                to="organization.unit",
                verbose_name="unit kerja",
            ),
        ),
        migrations.RunPython(homes_fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="employee",
            index=models.Index(
                fields=["home_agency", "name", "id"], name="people_empl_home_agency_name"
            ),
        ),
        migrations.AddIndex(
            model_name="employee",
            index=models.Index(
                fields=["home_unit", "name", "id"], name="people_empl_home_unit_name"
            ),
        ),
    ]
