"""Every API input validates text like the model: a length no longer than the column's."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from typing import Any

from rest_framework import serializers

import kinerja
from kinerja.core.params import ModelCharField


def kinerja_serializers() -> Iterator[type[serializers.Serializer[Any]]]:
    for module in pkgutil.iter_modules(kinerja.__path__):
        try:
            importlib.import_module(f"kinerja.{module.name}.api")
        except ModuleNotFoundError as error:
            if error.name != f"kinerja.{module.name}.api":
                raise
    pending: list[type[Any]] = [serializers.Serializer]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("kinerja.") and ".tests" not in cls.__module__:
            yield cls


def is_output(cls: type[Any]) -> bool:
    return cls.__name__.endswith("OutputSerializer")


def test_every_input_text_field_has_a_length_no_longer_than_its_model_column() -> None:
    checked, problems = 0, []
    for cls in kinerja_serializers():
        for name, field in cls().fields.items():
            if not isinstance(field, serializers.CharField) or field.read_only or is_output(cls):
                continue
            checked += 1
            where = f"{cls.__module__}.{cls.__name__}.{name}"
            if field.max_length is None:
                problems.append(f"{where}: no max_length")
            elif isinstance(field, ModelCharField):
                column = field.model_field.max_length
                if column is not None and field.max_length > column:
                    problems.append(f"{where}: {field.max_length} > column {column}")
    assert checked >= 10, "the walk found the input serializers"
    assert problems == []


def test_employee_api_refuses_a_name_longer_than_the_column_with_a_400() -> None:
    from kinerja.people.api import EmployeeCreateInputSerializer

    params = EmployeeCreateInputSerializer(data={"name": "x" * 201})
    assert not params.is_valid()
    assert params.errors["name"] == ["Nama paling banyak 200 karakter; terisi 201."]
