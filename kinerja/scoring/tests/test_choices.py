"""Stored codes with Indonesian labels."""

from kinerja.scoring.choices import LabelledEnum


class Colour(LabelledEnum):
    RED = "RED"


def test_a_member_without_a_label_shows_its_code() -> None:
    assert Colour.RED.label == "RED"
    assert Colour.choices() == [("RED", "RED")]
