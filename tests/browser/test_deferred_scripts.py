"""Extensions' scripts, deferred by the theme, still do their work on the demo."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

HEAD_SCRIPTS_JS = """() => [...document.head.querySelectorAll('script[src]')]
  .map(s => [s.getAttribute('src').split('/').pop().split('?')[0], s.defer || s.async || s.type === 'module'])"""


def _blocking(page) -> list[str]:
    return [name for name, deferred in page.evaluate(HEAD_SCRIPTS_JS) if not deferred]


def test_copybutton_adds_its_buttons_from_a_deferred_script(page, server, watch):
    page.goto(server.url("extensions/copybutton.html"))
    assert _blocking(page) == []
    # copybutton.js reads DOCUMENTATION_OPTIONS as it loads, then adds a button per block.
    page.wait_for_selector("button.copybtn", state="attached")
    assert page.locator("div.highlight").count() == page.locator("button.copybtn").count() > 0
    assert watch.take() == []


def test_sphinx_tabs_switch_panels_from_a_deferred_script(page, server, watch):
    page.goto(server.url("extensions/tabs.html"))
    assert _blocking(page) == []
    second = page.locator('[role="tab"]').nth(1)
    panel = page.locator("#" + second.get_attribute("aria-controls"))
    assert not panel.is_visible()
    second.click()
    assert second.get_attribute("aria-selected") == "true"
    assert panel.is_visible()
    assert watch.take() == []


def test_sphinx_design_script_runs_deferred_and_its_tabs_switch(page, server, watch):
    page.goto(server.url("extensions/design.html"))
    assert _blocking(page) == []
    # design-tabs.js declares its handler globally when it runs.
    assert page.evaluate("() => typeof onSDInputChange") == "function"
    labels = page.locator(".sd-tab-set > label")
    assert labels.count() >= 2
    labels.nth(1).click()
    assert page.locator(".sd-tab-set > input").nth(1).is_checked()
    assert watch.take() == []
