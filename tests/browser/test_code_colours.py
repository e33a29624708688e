"""Code blocks in the dark modes: the dark palette by default, the light one
when ``dark_mode_code_blocks`` is off (both rule sets ship in one stylesheet)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

COLOURS_JS = """() => {
  const keyword = document.querySelector('div.highlight pre :is(.k, .kn, .kd, .nb)');
  return [getComputedStyle(keyword.closest('pre')).backgroundColor, getComputedStyle(keyword).color];
}"""


def _colours(new_context, url: str, mode: str, **options) -> list[str]:
    page = new_context(mode=mode, **options).new_page()
    page.goto(url)
    assert page.evaluate("() => document.documentElement.dataset.mode") == mode
    return page.evaluate(COLOURS_JS)


def test_code_blocks_turn_dark_in_the_dark_modes(new_context, server, watch):
    url = server.url("kitchen-sink/code.html")
    light = _colours(new_context, url, "light")
    dark = _colours(new_context, url, "dark")
    darkest = _colours(new_context, url, "darkest")
    assert dark[0] != light[0] and dark[1] != light[1]
    assert darkest[0] not in (light[0], dark[0])
    # auto follows the system's preference
    assert _colours(new_context, url, "auto", color_scheme="dark") == dark
    assert _colours(new_context, url, "auto", color_scheme="light") == light
    assert watch.take() == []


def test_dark_mode_code_blocks_off_keeps_light_code_in_every_mode(new_context, server, light_code_site, watch):
    url = server.url("code.html", site=light_code_site)
    light = _colours(new_context, url, "light")
    for mode in ("dark", "darkest"):
        assert _colours(new_context, url, mode) == light, mode
    assert _colours(new_context, url, "auto", color_scheme="dark") == light
    assert watch.take() == []
