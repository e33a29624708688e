"""Layout on every demo page: no horizontal overflow from 320 to 1920 pixels
(on desktop widths also with the left sidebar hidden),
no console errors, no failed requests and no request to another host; the
current page is in view in the sidebar."""

from __future__ import annotations

import pytest

import pt_browser as pt

pytestmark = pytest.mark.browser

GENERATED = "(generated pages)"
PAGES = pt.demo_docnames() + [GENERATED]
DESKTOP_WIDTHS = [w for w in pt.OVERFLOW_WIDTHS if w > pt.PHONE_MAX_WIDTH]


def overflow_at(page, width: int) -> str | None:
    """None if the page fits ``width``, else what overflows."""
    page.evaluate(pt.SETTLE_JS)
    found = page.evaluate(pt.OVERFLOW_JS, width)
    problems = []
    # A phone's browser widens the layout viewport to fit content that
    # overflows, so innerWidth grows past the device's width.
    if found["innerWidth"] != width:
        problems.append(f"layout viewport widened to {found['innerWidth']}px")
    if found["scrollWidth"] > found["clientWidth"]:
        problems.append(f"document scrolls sideways ({found['scrollWidth']}px > {found['clientWidth']}px)")
    if not problems:
        return None
    widest = found["widest"]
    if widest:
        problems.append(
            f"widest element: {widest['element']} reaches {widest['right']}px "
            f"(width {widest['width']}px): {widest['html']}"
        )
    return "; ".join(problems)


@pytest.mark.parametrize("docname", PAGES)
def test_no_horizontal_overflow_and_a_clean_load(docname, demo, sweep, server):
    paths = demo.generated if docname == GENERATED else [pt.page_path(docname)]
    failures = []
    for path in paths:
        assert (demo.outdir / path).is_file(), f"{path} was not built"
        for width in pt.OVERFLOW_WIDTHS:
            if width <= pt.PHONE_MAX_WIDTH:
                # Each phone width is its own device, loaded afresh.
                page, watch = sweep.page(
                    ("overflow-phone", width),
                    viewport={"width": width, "height": 844},
                    is_mobile=True,
                    has_touch=True,
                )
                page.goto(server.url(path))
                setups = [(page, watch, "")]
            else:
                # The desktop widths resize one window, as a reader would:
                # loaded at the narrowest, then widened; once more with the
                # left sidebar hidden.
                setups = []
                for hidden in (False, True):
                    page, watch = sweep.page(
                        ("overflow-desktop", hidden), viewport={"width": width, "height": 800}, sidebar_hidden=hidden
                    )
                    page.set_viewport_size({"width": width, "height": 800})
                    if width == DESKTOP_WIDTHS[0]:
                        page.goto(server.url(path))
                    setups.append((page, watch, " (left sidebar hidden)" if hidden else ""))
            for page, watch, label in setups:
                problem = overflow_at(page, width)
                if problem:
                    failures.append(f"{path} at {width}px{label}: {problem}")
                problems = watch.take()
                if problems:
                    failures.append(f"{path} at {width}px{label}: " + "; ".join(problems))
    assert not failures, "\n".join(failures)


CURRENT_IN_VIEW_JS = """() => {
  const sidebar = document.getElementById('pt-sidebar-left');
  const current = sidebar.querySelector('[aria-current="page"]');
  if (!current) return null;
  const box = sidebar.getBoundingClientRect();
  const item = current.getBoundingClientRect();
  const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, window.innerHeight);
  return {visible: item.height > 0 && item.top >= top - 1 && item.bottom <= bottom + 1,
          item: [Math.round(item.top), Math.round(item.bottom)], box: [Math.round(top), Math.round(bottom)],
          text: current.textContent.trim()};
}"""


@pytest.mark.parametrize("height", [800, 480])
def test_current_page_is_visible_in_the_sidebar_on_load(height, demo, new_context, server):
    """On every page that the navigation lists, the current page's link is
    within the sidebar's visible part on load (a short window makes the
    sidebar scroll on the deep pages)."""
    page = new_context(viewport={"width": 1280, "height": height}).new_page()
    listed = 0
    failures = []
    for docname in demo.docnames:
        # The theme's deferred script has run by DOMContentLoaded.
        page.goto(server.url(pt.page_path(docname)), wait_until="domcontentloaded")
        found = page.evaluate(CURRENT_IN_VIEW_JS)
        if found is None:
            continue
        listed += 1
        if not found["visible"]:
            failures.append(f"{docname}: '{found['text']}' at {found['item']}, sidebar shows {found['box']}")
    assert listed >= len(demo.docnames) // 2, "most pages should be in the navigation"
    assert not failures, "\n".join(failures)
