"""Jupyter notebooks in the theme's colours: the demo's myst-nb page, and the
same notebook through nbsphinx (which needs pandoc: Debian's package)."""

from __future__ import annotations

import importlib.util
import shutil

import pytest

import pt_browser as pt
from pt_paths import DEMO, ROOTS

pytestmark = pytest.mark.browser

NOTEBOOK = "extensions/notebook.html"

#: The computed colours of the notebook's parts and of the theme's variables.
COLOURS_JS = """(sel) => {
  const probe = document.createElement('div');
  document.body.appendChild(probe);
  function variable(name) {
    probe.style.backgroundColor = 'var(' + name + ')';
    return getComputedStyle(probe).backgroundColor;
  }
  const out = {vars: {}, parts: {}};
  for (const name of ['--pt-bg', '--pt-code-bg', '--pt-danger-bg', '--pt-text', '--pt-danger-fg'])
    out.vars[name] = variable(name);
  for (const [key, selector] of Object.entries(sel)) {
    const el = document.querySelector(selector);
    if (!el) { out.parts[key] = null; continue; }
    const style = getComputedStyle(el);
    out.parts[key] = {bg: style.backgroundColor, fg: style.color, display: style.display};
  }
  probe.remove();
  return out;
}"""

MYST_NB_PARTS = {
    "input": ".cell_input .highlight pre",
    "stdout": ".cell_output .output.stream pre",
    "stderr": ".cell_output .output.stderr pre",
    "traceback": ".cell_output .output.traceback pre",
    "table": ".cell_output .output.text_html table td",
}


@pytest.mark.parametrize("mode", pt.MODES)
def test_myst_nb_outputs_take_the_modes_colours(mode, demo, new_context, server):
    page = new_context(mode=mode).new_page()
    page.goto(server.url(NOTEBOOK))
    found = page.evaluate(COLOURS_JS, MYST_NB_PARTS)
    colours, parts = found["vars"], found["parts"]
    assert all(parts.values()), parts
    assert parts["input"]["bg"] == colours["--pt-code-bg"]
    assert parts["traceback"]["bg"] == colours["--pt-code-bg"]
    assert parts["stdout"]["bg"] == colours["--pt-bg"]
    assert parts["stdout"]["fg"] == colours["--pt-text"]
    assert parts["stderr"]["bg"] == colours["--pt-danger-bg"]
    assert parts["stderr"]["fg"] == colours["--pt-danger-fg"]
    assert parts["table"]["fg"] == colours["--pt-text"]


def test_a_wide_output_scrolls_in_its_own_focusable_box(demo, new_context, server):
    page = new_context(**pt.VIEWPORTS["phone"]).new_page()
    page.goto(server.url(NOTEBOOK))
    page.evaluate(pt.SETTLE_JS)
    box = page.locator(".cell_output .output.text_html").first
    sizes = box.evaluate("(b) => ({scroll: b.scrollWidth, client: b.clientWidth, tab: b.getAttribute('tabindex')})")
    assert sizes["scroll"] > sizes["client"], "the table should be wider than a phone"
    assert sizes["tab"] == "0", "a box that scrolls sideways must take keyboard focus"
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("(b) => b.scrollLeft > 0", arg=box.element_handle())
    # The page itself does not scroll sideways.
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_a_collapsed_cell_is_a_named_toggle(demo, page, server):
    page.goto(server.url(NOTEBOOK))
    summary = page.locator("details.hide.above-input > summary")
    # Named by what it shows (the theme drops myst-nb's mismatching aria-label).
    assert summary.get_attribute("aria-label") is None
    code = page.locator("details.hide.above-input .cell_input")
    assert not code.is_visible()
    summary.focus()
    page.keyboard.press("Enter")
    assert code.is_visible()
    assert "def show_as_table" in code.inner_text()


# -- nbsphinx ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def nbsphinx_site(site_root, server) -> str:
    if importlib.util.find_spec("nbsphinx") is None or shutil.which("pandoc") is None:
        pytest.skip("nbsphinx needs its package and pandoc (Debian: apt-get install pandoc)")
    from conftest import sphinx_build

    site = "nbsphinx"
    source = site_root / "nbsphinx-source"
    shutil.copytree(ROOTS / "test-nbsphinx", source)
    shutil.copy(DEMO / "extensions" / "notebook.ipynb", source / "notebook.ipynb")
    sphinx_build(source, site_root / site)
    return site


NBSPHINX_PARTS = {
    "input": "div.nbinput div.input_area",
    "stdout": "div.nboutput div.output_area:not(.stderr):not(.rendered_html)",
    "stderr": "div.nboutput div.output_area.stderr",
    "table": "div.nboutput div.output_area.rendered_html td",
    "prompt": "div.nbinput div.prompt",
}


@pytest.mark.parametrize("viewport", list(pt.VIEWPORTS))
def test_nbsphinx_outputs_take_the_modes_colours_and_pass_axe(viewport, nbsphinx_site, new_context, server):
    failures = []
    for mode in pt.MODES:
        page = new_context(mode=mode, **pt.VIEWPORTS[viewport]).new_page()
        page.goto(server.url("notebook.html", site=nbsphinx_site))
        page.evaluate(pt.SETTLE_JS)
        found = page.evaluate(COLOURS_JS, NBSPHINX_PARTS)
        colours, parts = found["vars"], found["parts"]
        assert all(parts.values()), parts
        assert parts["prompt"]["display"] == "none"
        assert parts["input"]["bg"] == colours["--pt-code-bg"], mode
        assert parts["stdout"]["bg"] == colours["--pt-bg"], mode
        assert parts["stderr"]["bg"] == colours["--pt-danger-bg"], mode
        assert parts["table"]["fg"] == colours["--pt-text"], mode
        page.evaluate(pt.axe_source())
        violations = page.evaluate("(options) => axe.run(document, options).then(r => r.violations)", pt.AXE_OPTIONS)
        if violations:
            failures.append(f"nbsphinx [{viewport}, {mode}]:\n{pt.format_violations(violations)}")
    assert not failures, "\n".join(failures)
