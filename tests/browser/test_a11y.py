"""axe-core on every demo page, chrome included, in light, dark and darkest, at
desktop and phone sizes and on desktop with the left sidebar hidden; a
screenshot of each state for reviewers."""

from __future__ import annotations

import pytest

import pt_browser as pt

pytestmark = pytest.mark.browser

GENERATED = "(generated pages)"
PAGES = pt.demo_docnames() + [GENERATED]

_AXE = None


def axe_source() -> str:
    global _AXE
    if _AXE is None:
        _AXE = pt.axe_source()
    return _AXE


def test_axe_version_and_options_are_what_the_suite_claims(sweep, server):
    page, _ = sweep.page(("desktop", "light"), mode="light", **pt.VIEWPORTS["desktop"])
    page.goto(server.url("index.html"))
    page.evaluate(axe_source())
    version = page.evaluate("() => axe.version")
    major, minor = (int(part) for part in version.split(".")[:2])
    assert (major, minor) >= (4, 8), f"axe-core {version} predates the WCAG 2.2 rules"
    # Each tag selects rules in this axe-core, except wcag22a: no new level-A
    # criterion of WCAG 2.2 is machine-checkable (the tag stays, for later axes).
    for tag in pt.AXE_TAGS:
        if tag != "wcag22a":
            assert page.evaluate("(tag) => axe.getRules([tag]).length", tag) > 0, tag
    assert "target-size" in page.evaluate("() => axe.getRules(['wcag22aa']).map(r => r.ruleId)")
    # Every excluded rule exists (a typo would silently exclude nothing).
    known = set(page.evaluate("() => axe.getRules().map(r => r.ruleId)"))
    assert set(pt.EXCLUDED_AXE_RULES) <= known
    assert all(reason.strip() for reason in pt.EXCLUDED_AXE_RULES.values())


@pytest.mark.parametrize("viewport", [*pt.VIEWPORTS, pt.SIDEBAR_HIDDEN])
@pytest.mark.parametrize("docname", PAGES)
def test_page_has_no_axe_violations_in_any_mode(docname, viewport, demo, sweep, server, screenshots):
    paths = demo.generated if docname == GENERATED else [pt.page_path(docname)]
    assert paths, "no page to test"
    failures = []
    for path in paths:
        assert (demo.outdir / path).is_file(), f"{path} was not built"
        # One long-lived page per mode: start axe in each, then collect; the
        # three renderers work at the same time.
        pages = {}
        for mode in pt.MODES:
            hidden = viewport == pt.SIDEBAR_HIDDEN
            size = pt.VIEWPORTS["desktop" if hidden else viewport]
            page, watch = sweep.page((viewport, mode), mode=mode, sidebar_hidden=hidden, **size)
            page.goto(server.url(path))
            if hidden:
                assert page.evaluate("() => document.documentElement.getAttribute('data-sidebar')") == "hidden"
            page.evaluate(pt.SETTLE_JS)
            shown = page.evaluate("() => document.documentElement.dataset.mode")
            assert shown == mode, f"{path}: stored mode {mode!r} gave data-mode={shown!r}"
            page.evaluate(axe_source())
            page.evaluate("(options) => { window.__ptAxe = axe.run(document, options); }", pt.AXE_OPTIONS)
            pages[mode] = (page, watch)
        for mode, (page, watch) in pages.items():
            result = page.evaluate("() => window.__ptAxe.then(r => r.violations)")
            if result:
                failures.append(f"{path} [{viewport}, {mode}]:\n{pt.format_violations(result)}")
            problems = watch.take()
            if problems:
                failures.append(f"{path} [{viewport}, {mode}]: " + "; ".join(problems))
            shot = screenshots / f"{viewport}-{mode}" / path.removesuffix(".html")
            shot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{shot}.jpeg", full_page=True, type="jpeg", quality=80)
    assert not failures, "\n".join(failures)
