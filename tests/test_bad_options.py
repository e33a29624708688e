"""Wrong theme options: one clear warning each, and a usable page all the same."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piccolo_theme import options as theme_options
from piccolo_theme.options import ThemeOptions

DEFAULTS = ThemeOptions()

# (option, wrong value, the fallback the warning must name). Every option of
# ThemeOptions appears with a wrong type and, where it has one, a wrong value.
BAD = [
    ("banner_text", 42, ""),
    ("banner_text", ["a", "list"], ""),
    ("banner_hiding", "forever", "temporary"),
    ("banner_hiding", 3, "temporary"),
    ("banner_hiding", "sometimes", "temporary"),
    ("brand_colour", "not-a-colour", "#2b6cb0"),
    ("brand_colour", 0x2B6CB0, "#2b6cb0"),
    # Written into an inline style: anything but a colour must be refused.
    ("brand_colour", "red;}</style><script>alert(1)</script>", "#2b6cb0"),
    ("brand_colour", "rgb(0, 0, 0", "#2b6cb0"),
    ("brand_color", "nope", "#2b6cb0"),
    ("dark_mode_code_blocks", "maybe", True),
    ("dark_mode_code_blocks", 2, True),
    ("enable_search_shortcuts", "sometimes", True),
    ("enable_search_shortcuts", [1], True),
    ("default_mode", "blue", "auto"),
    ("default_mode", ["dark"], "auto"),
    ("font", "comic-sans", "roboto"),
    ("font", 1, "roboto"),
    ("globaltoc_collapse", "sometimes", True),
    ("globaltoc_collapse", [True], True),
    ("globaltoc_includehidden", "perhaps", True),
    ("globaltoc_includehidden", {"yes": 1}, True),
    ("globaltoc_maxdepth", "deep", -1),
    ("globaltoc_maxdepth", 2.5, -1),
    ("globaltoc_maxdepth", True, -1),
    ("nosidebar", "perhaps", False),
    ("nosidebar", 3, False),
    ("search_as_you_type", "sometimes", True),
    ("search_as_you_type", [1], True),
    ("search_provider", "google", "sphinx"),
    ("search_provider", 3, "sphinx"),
    ("show_theme_credit", "nah", True),
    ("show_theme_credit", 7, True),
    ("show_theme_credit", [1], True),
    ("signature_parameters_per_line", -3, True),
    ("signature_parameters_per_line", 0, True),
    ("signature_parameters_per_line", "sometimes", True),
    ("signature_parameters_per_line", 1.5, True),
    ("social_image", "javascript:alert(1)", "no image"),
    ("social_image", "//elsewhere.example/card.png", "no image"),
    ("social_image", 'card.png" onerror="alert(1)', "no image"),
    ("social_image", 5, ""),
    ("source_icon", "myspace", ""),
    ("source_icon", 5, ""),
    ("source_url", "javascript:alert(1)", "no source link"),
    ("source_url", "github.com/no/scheme", "no source link"),
    ("source_url", "ftp://example.org/repo", "no source link"),
    ("source_url", 5, ""),
    ("show_edit_link", "perhaps", True),
    ("source_edit_link", "javascript:alert(1)//{filename}", "no such link"),
    ("source_edit_link", "https://example.org/edit/without-the-file", "no such link"),
    ("source_edit_link", 5, "no such link"),
    ("source_view_link", "ftp://example.org/{filename}", "no such link"),
    ("source_view_link", "{filename}", "no such link"),
    ("source_branch", 5, ""),
    ("source_branch", "../../etc", ""),
    ("source_directory", ["docs"], ""),
    ("source_directory", "docs\\src", ""),
    ("source_ref_is_tag", "maybe", False),
    ("show_breadcrumbs", 3, True),
    ("light_logo", "javascript:alert(1)", "html_logo"),
    ("light_logo", 7, "html_logo"),
    ("light_logo", "missing.svg", "html_logo"),
    ("dark_logo", "/etc/passwd", "html_logo"),
    ("dark_logo", "data:image/svg+xml,<svg onload=alert(1)>", "html_logo"),
    ("logo_only", "sometimes", True),
    ("icon_links", "https://github.com/x/y", "no icon links"),
    ("icon_links", {"name": "GitHub", "url": "https://github.com/x/y"}, "no icon links"),
]
#: Fallbacks a warning names in words rather than as a value.
DESCRIBED = {"no source link", "no such link", "html_logo", "no icon links", "no image"}


def test_the_table_covers_every_option():
    covered = {name for name, _, _ in BAD}
    fields = {f.name for f in dataclasses.fields(ThemeOptions)}
    assert fields | set(theme_options.ALIASES) == covered
    assert set(theme_options._CHECKS) == fields  # every field is validated


def _warnings(site) -> list[str]:
    return [line for line in site.warnings.splitlines() if "WARNING" in line]


@pytest.mark.parametrize(("name", "value", "fallback"), BAD, ids=[f"{n}={v!r}" for n, v, _ in BAD])
def test_wrong_option_warns_once_and_the_page_works(build, name, value, fallback):
    options = {name: value}
    if name == "source_icon":
        options["source_url"] = "https://example.org/repo"  # the icon matters only with a URL
    conf = {"html_theme_options": options}
    site = build("options", confoverrides=conf, warnings=True)
    warnings = _warnings(site)
    assert len(warnings) == 1, warnings
    warning = warnings[0]
    assert "piccolo_theme" in warning
    assert f"html_theme_options[{name!r}] = {value!r}" in warning
    # A fallback is shown as its value, or in words where it has no useful one.
    shown = fallback if fallback in DESCRIBED else repr(fallback)
    assert f"using {shown} instead" in warning
    soup = site.soup("index")
    assert soup.select_one("header.pt-header") and soup.select_one("main#pt-content h1")
    assert soup.select_one("nav.pt-sidebar--left a.pt-nav__link")
    html = soup.find("html")
    # The fallback is what the page uses.
    if name == "default_mode":
        assert html["data-mode"] == "auto"
    if name.startswith("brand_colo"):
        assert "--pt-brand:#2b6cb0;" in site.html("index")
        assert "<script>alert" not in site.html("index")
    if name == "source_url":
        assert soup.select_one(".pt-source-link") is None
    if name == "social_image":
        assert soup.find("meta", attrs={"property": "og:image"}) is None
        assert "javascript:" not in site.html("index") and "onerror" not in site.html("index")
    if name == "nosidebar":
        assert soup.select_one("nav.pt-sidebar--left")
    if name == "enable_search_shortcuts":
        assert soup.select_one(".pt-search__hint")
    if name == "banner_text":
        assert soup.select_one(".pt-banner") is None
    if name.endswith("_logo"):
        assert soup.select_one(".pt-brand img") is None and soup.select_one(".pt-brand__title")
    if name == "icon_links":
        assert soup.select_one(".pt-icon-link") is None
    if name.startswith("source_") and "link" in name:
        assert soup.select_one(".pt-edit-links") is None
    assert "javascript:" not in site.html("index")
    # The user's configuration is left exactly as written.
    assert site.app.config.html_theme_options == options


def test_unknown_option_names_are_reported(build):
    site = build("options", confoverrides={"html_theme_options": {"brand_colur": "#ffffff"}}, warnings=True)
    warnings = _warnings(site)
    assert len(warnings) == 1, warnings
    assert "brand_colur" in warnings[0]
    assert site.soup("index").select_one("header.pt-header")


def test_good_values_in_other_spellings_do_not_warn(build):
    site = build(
        "options",
        confoverrides={
            "html_theme_options": {
                "brand_color": "rebeccapurple",
                "default_mode": " Dark ",
                "globaltoc_collapse": "false",
                "globaltoc_maxdepth": "2",
                "signature_parameters_per_line": "60",
                "show_theme_credit": 0,
                "banner_text": None,
            }
        },
    )
    html = site.html("index")
    assert 'data-mode="dark"' in html
    assert "--pt-brand:rebeccapurple;" in html
    assert "Piccolo Theme" not in site.soup("index").select_one(".pt-footer").get_text()


@pytest.mark.parametrize("value", ["dark"], ids=["str"])
def test_theme_options_that_are_not_a_dict_do_not_crash_the_theme(build, value):
    # Sphinx itself warns about the type; the theme must neither crash nor add
    # a second, different complaint, and it falls back to its defaults.
    site = build("options", confoverrides={"html_theme_options": value}, warnings=True)
    warnings = _warnings(site)
    assert len(warnings) == 1 and "html_theme_options" in warnings[0], warnings
    assert site.soup("index").select_one("header.pt-header")


# Any value at all, of any type, for any option.
_ANYTHING = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text() | st.binary(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=5,
)
_NAMES = st.sampled_from(sorted({f.name for f in dataclasses.fields(ThemeOptions)} | set(theme_options.ALIASES)))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_NAMES, _ANYTHING, max_size=6))
def test_no_option_value_can_raise(user_options):
    # Validation is the only theme code that reads html_theme_options; it must
    # turn anything into usable, typed options.
    result = theme_options.validate(user_options)
    for field in dataclasses.fields(ThemeOptions):
        value = getattr(result, field.name)
        default = getattr(DEFAULTS, field.name)
        assert isinstance(value, type(default)) or (
            field.name == "signature_parameters_per_line" and isinstance(value, int)
        )
    assert re.fullmatch(r"[#\w(),.%\s/-]+", result.brand_colour), result.brand_colour
    assert result.source_url == "" or result.source_url.startswith(("http://", "https://"))
