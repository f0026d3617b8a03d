"""Components read what their include passes, and a value the page holds for itself (its own
`action_url`) never turns into an empty link."""

from __future__ import annotations

import pytest
from django.template import Context, Template


@pytest.mark.parametrize("component", ["page_header", "empty_state"])
def test_a_page_action_url_without_a_label_draws_no_empty_link(component: str) -> None:
    page = Template(
        f'{{% include "components/{component}.html" with title="Jadwalkan dialog" %}}'
    ).render(Context({"action_url": "/dialog/jadwalkan/"}))
    assert 'href="/dialog/jadwalkan/"' not in page


def test_the_page_header_action_shows_with_its_label() -> None:
    page = Template(
        '{% include "components/page_header.html" with title="Umpan balik" '
        'action_url="/umpan-balik/minta/" action_label="Minta umpan balik" %}'
    ).render(Context({}))
    assert 'href="/umpan-balik/minta/">Minta umpan balik</a>' in page
