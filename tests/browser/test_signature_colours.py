"""Signatures in the browser: each token role's colour and its contrast on the
signature's background in every mode (Python, C and C++), links recognisable without colour, the
jump from a parameter to its entry, the deprecated badge, axe, and 320 px."""

from __future__ import annotations

import pytest

import pt_browser as pt

pytestmark = pytest.mark.browser

PAGES = ("kitchen-sink/signatures.html", "kitchen-sink/c-cpp.html", "extensions/napoleon-viewcode.html")

#: The roles of issue 19 and where each is on the demo's signatures page.
ROLES = {
    "name": "dt.sig .sig-name",
    "parameter": "dt.sig .sig-param > .n:first-child, dt.sig .sig-param > .o + .n, dt.sig .n.sig-param",
    "annotation": "dt.sig em.sig-param > .w + .n, dt.sig .property > .n",
    "default": "dt.sig .default_value",
    "punctuation": "dt.sig .sig-paren, dt.sig .sig-param > .p, dt.sig .sig-param > .o",
    "keyword": "dt.sig .property > .k",
    "return": "dt.sig .sig-return-typehint",
}

# Each element's colour and the background it is painted on (its signature's).
COLOURS_JS = """(roles) => {
  const out = {};
  for (const [role, selector] of Object.entries(roles)) {
    out[role] = [...document.querySelectorAll(selector)].map(el => {
      const dt = el.closest('dt.sig');
      return {colour: getComputedStyle(el).color, background: getComputedStyle(dt).backgroundColor,
              text: el.textContent.trim()};
    });
  }
  out.links = [...document.querySelectorAll('dt.sig a.reference:not(.headerlink)')].map(a => ({
    colour: getComputedStyle(a).color, background: getComputedStyle(a.closest('dt.sig')).backgroundColor,
    decoration: getComputedStyle(a).textDecorationLine, text: a.textContent.trim()}));
  return out;
}"""


def _rgb(colour: str) -> tuple[float, ...]:
    values = colour[colour.index("(") + 1 : colour.index(")")].replace(",", " ").split()
    assert len(values) == 3 or float(values[3]) == 1, f"translucent colour {colour}"
    return tuple(float(v) for v in values[:3])


def contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        channels = [v / 255 for v in _rgb(colour)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


SETUPS = {
    "light": {"mode": "light"},
    "dark": {"mode": "dark"},
    "darkest": {"mode": "darkest"},
    "auto-dark": {"mode": "auto", "color_scheme": "dark"},
    "auto-light": {"mode": "auto", "color_scheme": "light"},
}


@pytest.mark.parametrize("setup", list(SETUPS))
def test_every_token_role_is_distinct_and_meets_aa_on_the_signature(setup, new_context, server, watch):
    page = new_context(**SETUPS[setup]).new_page()
    page.goto(server.url("kitchen-sink/signatures.html"))
    found = page.evaluate(COLOURS_JS, ROLES)
    failures = []
    role_colours = {}
    for role in ROLES:
        assert found[role], f"no {role} on the page"
        colours = {item["colour"] for item in found[role]}
        # One colour per role.
        assert len(colours) == 1, (setup, role, colours)
        role_colours[role] = colours.pop()
        for item in found[role]:
            ratio = contrast(item["colour"], item["background"])
            if ratio < 4.5:
                failures.append(f"{role} {item['text']!r}: {ratio:.2f} ({item['colour']} on {item['background']})")
    for link in found["links"]:
        ratio = contrast(link["colour"], link["background"])
        if ratio < 4.5:
            failures.append(f"link {link['text']!r}: {ratio:.2f}")
        # Recognisable as a link without its colour.
        if "underline" not in link["decoration"]:
            failures.append(f"link {link['text']!r} is not underlined")
    assert not failures, f"{setup}:\n" + "\n".join(failures)
    # Every role reads apart from every other.
    assert len(set(role_colours.values())) == len(ROLES), role_colours
    assert found["links"]
    assert watch.take() == []


#: C and C++ tokens of the demo's C/C++ page: (object, token text, which
#: occurrence in its signature, role). The raw "," is the separator Sphinx
#: writes between parameters.
C_CPP_TOKENS = [
    ("select", "select", 0, "name"),
    ("piccolo_band_count", "piccolo_band_count", 0, "name"),
    ("select", "table", 0, "parameter"),
    ("select", "lock", 0, "parameter"),
    ("select", "Row", 0, "parameter"),  # the template parameter
    ("piccolo_band_each", "visit", 0, "parameter"),
    ("select", "string", 0, "annotation"),
    ("select", "LockStrength", 0, "annotation"),
    ("select", "bool", 0, "annotation"),
    ("piccolo_band_each", "piccolo_visit", 0, "annotation"),
    ("piccolo_band_each", "void", 0, "annotation"),
    ("select", "LockStrength", 1, "default"),
    ("select", "update", 0, "default"),
    ("select", "false", 0, "default"),
    ("default_limit", "100", 0, "default"),
    ("select", "=", 0, "punctuation"),
    ("select", "&", 0, "punctuation"),
    ("select", "::", 0, "punctuation"),
    ("select", "<", 0, "punctuation"),
    ("select", "(", 0, "punctuation"),
    ("select", ",", 0, "punctuation"),
    ("piccolo_band_each", "*", 0, "punctuation"),
    ("select", "template", 0, "keyword"),
    ("select", "typename", 0, "keyword"),
    ("select", "const", 0, "keyword"),
    ("default_limit", "static", 0, "keyword"),
    ("default_limit", "constexpr", 0, "keyword"),
    ("select", "Query", 0, "return"),
    ("piccolo_band_count", "int", 0, "return"),
    ("piccolo_band_each", "piccolo_status", 0, "return"),
]

# Each token's colour: that of the element holding its text.
TOKENS_JS = """(specs) => {
  const sigs = [...document.querySelectorAll('dt.sig')];
  return specs.map(([object, token, nth, role]) => {
    const dt = sigs.find(d => [...d.querySelectorAll('.sig-name')].some(n => n.textContent.trim() === object));
    if (!dt) return {role, token, missing: 'no signature'};
    const walker = document.createTreeWalker(dt, NodeFilter.SHOW_TEXT);
    const hits = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const holder = n.parentElement;
      if (!holder.closest('.headerlink, .pt-badge') && n.textContent.trim() === token) hits.push(holder);
    }
    const el = hits[nth];
    if (!el) return {role, token, missing: `${hits.length} found`};
    return {role, token, colour: getComputedStyle(el).color, background: getComputedStyle(dt).backgroundColor};
  });
}"""


@pytest.mark.parametrize("setup", list(SETUPS))
def test_c_and_cpp_tokens_have_their_roles_colours(setup, new_context, server, watch):
    page = new_context(**SETUPS[setup]).new_page()
    page.goto(server.url("kitchen-sink/signatures.html"))
    python = {role: items[0]["colour"] for role, items in page.evaluate(COLOURS_JS, ROLES).items() if role in ROLES}
    page.goto(server.url("kitchen-sink/c-cpp.html"))
    failures = []
    for token in page.evaluate(TOKENS_JS, C_CPP_TOKENS):
        where = f"{token['role']} {token['token']!r}"
        if "missing" in token:
            failures.append(f"{where}: {token['missing']}")
            continue
        # The colour of the same role in Python signatures.
        if token["colour"] != python[token["role"]]:
            failures.append(f"{where}: {token['colour']}, not the {token['role']} colour {python[token['role']]}")
        ratio = contrast(token["colour"], token["background"])
        if ratio < 4.5:
            failures.append(f"{where}: {ratio:.2f} ({token['colour']} on {token['background']})")
    assert not failures, f"{setup}:\n" + "\n".join(failures)
    assert len(set(python.values())) == len(ROLES), python
    assert watch.take() == []


def test_auto_follows_the_system_and_print_is_plain_text(new_context, server):
    def roles(printed: bool = False, **options) -> dict[str, str]:
        page = new_context(**options).new_page()
        page.goto(server.url("kitchen-sink/signatures.html"))
        if printed:
            page.emulate_media(media="print")
        found = page.evaluate(COLOURS_JS, ROLES)
        return {role: found[role][0]["colour"] for role in ROLES}

    assert roles(mode="auto", color_scheme="dark") == roles(mode="dark")
    assert roles(mode="auto", color_scheme="light") == roles(mode="light")
    printed = roles(True, mode="dark")
    text = printed["name"]
    # In print, every role but the quiet punctuation is the text colour, near black.
    assert all(printed[r] == text for r in ROLES if r != "punctuation"), printed
    assert contrast(text, "rgb(255, 255, 255)") > 12


def test_parameter_link_jumps_to_its_entry_in_view_and_highlights_it(new_context, server, watch):
    page = new_context(mode="light").new_page()
    page.goto(server.url("kitchen-sink/signatures.html"))
    link = page.locator('dt.sig a.pt-param-link[href="#piccolo.kitchen.Selection.run.in_pool"]')
    link.click()
    assert page.evaluate("() => location.hash") == "#piccolo.kitchen.Selection.run.in_pool"
    box = page.evaluate("""() => {
      const target = document.querySelector(':target');
      const header = document.querySelector('.pt-header').getBoundingClientRect();
      const r = target.getBoundingClientRect();
      return {top: r.top, bottom: r.bottom, header: header.bottom, height: innerHeight,
              tag: target.tagName, background: getComputedStyle(target).backgroundColor,
              current: getComputedStyle(document.documentElement).getPropertyValue('--pt-current-bg').trim()};
    }""")
    assert box["tag"] == "P"
    # Below the sticky header, inside the window.
    assert box["header"] <= box["top"] and box["bottom"] <= box["height"], box
    # Reduced motion (the default of these contexts): a steady highlight.
    assert _rgb(box["background"]) == tuple(int(box["current"][i : i + 2], 16) for i in (1, 3, 5))
    assert watch.take() == []


def test_entry_permalink_shows_on_hover_and_focus(new_context, server):
    page = new_context(mode="light").new_page()
    page.goto(server.url("kitchen-sink/signatures.html"))
    entry = page.locator('[id="piccolo.kitchen.Selection.table"]')
    permalink = entry.locator("> a.headerlink")
    assert permalink.get_attribute("href") == "#piccolo.kitchen.Selection.table"
    assert permalink.evaluate("a => getComputedStyle(a).opacity") == "0"
    entry.hover()
    assert permalink.evaluate("a => getComputedStyle(a).opacity") == "1"
    page.mouse.move(0, 0)
    permalink.focus()
    assert permalink.evaluate("a => getComputedStyle(a).opacity") == "1"


def test_deprecated_badge_is_heard_but_not_copied(new_context, server):
    page = new_context(mode="light").new_page()
    page.goto(server.url("kitchen-sink/signatures.html"))
    dt = page.locator('[id="piccolo.kitchen.Selection.run_sync"]')
    assert dt.locator(".pt-badge").inner_text() == "Deprecated"
    copied = dt.evaluate("""dt => {
      const range = document.createRange();
      range.selectNodeContents(dt);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    }""")
    assert "Deprecated" not in copied and "run_sync" in copied
    # Assistive technology reads it: it is text, not hidden.
    snapshot = page.locator('[id="piccolo.kitchen.Selection.run_sync"]').aria_snapshot()
    assert "Deprecated" in snapshot
    toc = page.locator("nav.pt-toc a", has_text="run_sync")
    assert toc.locator(".pt-badge").inner_text() == "Deprecated"


@pytest.mark.parametrize("mode", pt.MODES)
def test_signature_pages_have_no_axe_violations_with_an_entry_targeted(mode, new_context, server, watch):
    page = new_context(mode=mode).new_page()
    failures = []
    for path in PAGES:
        page.goto(server.url(path))
        first = page.locator("a.pt-param-link").first
        first.click()
        page.evaluate(pt.axe_source())
        # The whole page, scrolled to the entry (so the back-to-top link shows).
        violations = page.evaluate("(options) => axe.run(document, options).then(r => r.violations)", pt.AXE_OPTIONS)
        if violations:
            failures.append(f"{path} [{mode}]:\n{pt.format_violations(violations)}")
    assert not failures, "\n".join(failures)
    assert watch.take() == []


@pytest.mark.parametrize("path", PAGES)
def test_no_overflow_at_320_pixels(path, new_context, server):
    page = new_context(viewport={"width": 320, "height": 700}, is_mobile=True, has_touch=True).new_page()
    page.goto(server.url(path))
    page.evaluate(pt.SETTLE_JS)
    found = page.evaluate(pt.OVERFLOW_JS, 320)
    assert found["innerWidth"] == 320 and found["scrollWidth"] <= found["clientWidth"], found["widest"]
