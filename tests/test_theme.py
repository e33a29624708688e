"""The page the theme renders: header, sidebars, prev/next, footer, banner, modes."""

from __future__ import annotations

import copy
import re

import pytest

from piccolo_theme import facts
from piccolo_theme.options import ThemeOptions, validate
from pt_paths import ICONS_DIR


def test_clean_site_has_no_warnings(build):
    site = build("basic")  # the factory fails the test on any warning
    for page in ("index", "first", "second", "nested", "hidden", "reference/index", "reference/api"):
        assert site.soup(page).select_one("header.pt-header"), page


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_builders_render_the_whole_page(build, buildername):
    site = build("basic", buildername=buildername)
    page = "first/index.html" if buildername == "dirhtml" else "first.html"
    soup = site.soup(page)
    assert soup.select_one("nav#pt-sidebar-left .pt-nav")
    assert soup.select_one("aside.pt-sidebar--right nav.pt-toc")
    prev = soup.select_one("a.pt-prev-next__link--prev")
    expected_root = "../" if buildername == "dirhtml" else "index.html"
    assert prev["href"] == expected_root
    # Assets are relative to the page in both layouts.
    css = soup.select_one('link[href*="piccolo_theme.css"]')["href"]
    assert css.startswith("../_static/" if buildername == "dirhtml" else "_static/")


def test_parallel_build_has_no_warnings(build):
    site = build("basic", parallel=2)
    assert site.soup("nested").select_one('[aria-current="page"]').get_text() == "Nested page"


def test_listed_in_extensions_too(build):
    site = build("basic", confoverrides={"extensions": ["piccolo_theme"]})
    assert site.soup().select_one("header.pt-header")


# Header ------------------------------------------------------------------


def test_header_has_brand_search_and_mode_toggle(build):
    soup = build("basic").soup("first")
    header = soup.select_one("header.pt-header")
    brand = header.select_one("a.pt-brand")
    assert brand["href"] == "index.html"
    assert brand.get_text(strip=True) == "Fixture Project"
    search = header.select_one("search.pt-search[role=search]")
    form = search.select_one("form")
    assert form["action"] == "search.html"
    field = form.select_one("input[name=q]")
    assert field["aria-keyshortcuts"].split() == ["/", "Control+K", "Meta+K"]
    assert soup.select_one(f'label[for="{field["id"]}"]').get_text(strip=True)
    assert search.select_one(".pt-search__hint").get_text() == "/"
    assert header.select_one("a.pt-search-toggle")["href"] == "search.html"
    toggle = header.select_one("button.pt-mode-toggle")
    # One label per mode of facts.py, in its order, each a real sentence; one icon each.
    labels = [name.removeprefix("data-label-") for name in toggle.attrs if name.startswith("data-label-")]
    assert labels == list(facts.MODES)
    assert all(len(toggle[f"data-label-{mode}"]) > 10 for mode in facts.MODES)
    assert len(toggle.select("svg")) == len(facts.MODES)
    assert toggle.select_one(".pt-mode-toggle__label").get_text() == toggle[f"data-label-{facts.MODES[0]}"]
    menu = header.select_one("a.pt-menu-button")
    assert menu["href"] == "#pt-sidebar-left" and menu["aria-controls"] == "pt-sidebar-left"
    # No source link unless a source_url is given.
    assert header.select_one(".pt-source-link") is None


def test_short_title_is_the_brand(build):
    soup = build("basic", confoverrides={"html_short_title": "Fixture"}).soup()
    assert soup.select_one(".pt-brand__title").get_text() == "Fixture"


def test_logo_given_as_a_url(build):
    site = build("basic", confoverrides={"html_logo": "https://example.org/logo.svg"})
    img = site.soup().select_one("a.pt-brand img.pt-brand__logo")
    assert img["src"] == "https://example.org/logo.svg"
    assert img["alt"]


def test_local_logo_is_copied(build):
    site = build("logo")
    img = site.soup().select_one("a.pt-brand img.pt-brand__logo")
    assert img["src"] == "_static/logo.svg"
    assert (site.outdir / "_static" / "logo.svg").exists()


FORGES = {
    "https://github.com/piccolo-orm/piccolo": ("github", "GitHub"),
    "https://gitlab.com/group/project": ("gitlab", "GitLab"),
    "https://bitbucket.org/team/repo": ("bitbucket", "Bitbucket"),
    "https://codeberg.org/user/repo": ("codeberg", "Codeberg"),
    "https://git.example.org/repo": ("generic", None),
}


def _icon_markup(name: str) -> str:
    return (ICONS_DIR / f"{name}.svg").read_text().strip()


@pytest.mark.parametrize("url", FORGES)
def test_source_icon_is_inferred_from_the_url(build, url):
    icon, forge = FORGES[url]
    site = build("basic", confoverrides={"html_theme_options": {"source_url": url}})
    link = site.soup().select_one("a.pt-source-link")
    assert link["href"] == url
    svg = link.select_one("svg")
    assert svg["aria-hidden"] == "true"
    assert svg.find("path")["d"] == _first_path(_icon_markup(icon))
    label = link.select_one(".pt-visually-hidden").get_text(strip=True)
    assert label == (f"Source code on {forge}" if forge else "Source code")


def _first_path(svg: str) -> str:
    return re.search(r'<path d="([^"]+)"', svg).group(1)


def test_explicit_source_icon_wins(build):
    options = {"source_url": "https://github.com/x/y", "source_icon": "gitlab"}
    link = build("basic", confoverrides={"html_theme_options": options}).soup().select_one("a.pt-source-link")
    assert link.find("path")["d"] == _first_path(_icon_markup("gitlab"))


# Left sidebar --------------------------------------------------------------


def test_navigation_marks_current_page_and_opens_its_ancestors(build):
    soup = build("basic").soup("nested")
    nav = soup.select_one("nav#pt-sidebar-left")
    assert [c.get_text() for c in nav.select(".pt-nav__caption")] == ["Guide", "Reference"]
    current = nav.select('[aria-current="page"]')
    assert [a.get_text() for a in current] == ["Nested page"]
    assert current[0]["href"] == "#"
    parent = current[0].find_parent("li").find_parent("li")
    assert "pt-nav__item--ancestor" in parent["class"]
    details = parent.find("details", recursive=False)
    assert details.has_attr("open")
    label = details.find("summary").select_one(".pt-visually-hidden").get_text()
    assert label == "Show or hide the pages under First page"


def test_collapse_prunes_other_branches(build):
    soup = build("basic").soup("second")
    links = [a.get_text() for a in soup.select("nav#pt-sidebar-left a.pt-nav__link")]
    # With globaltoc_collapse (the default) the children of other pages are pruned.
    assert "Nested page" not in links and "API" not in links
    assert {"First page", "Second page", "Reference", "Hidden page"} <= set(links)


def test_without_collapse_every_branch_is_a_closed_details(build):
    options = {"globaltoc_collapse": False}
    soup = build("basic", confoverrides={"html_theme_options": options}).soup("second")
    nav = soup.select_one("nav#pt-sidebar-left")
    assert "Nested page" in nav.get_text() and "API" in nav.get_text()
    for details in nav.select("details.pt-nav__children"):
        assert not details.has_attr("open")
        assert details.select_one("summary .pt-visually-hidden")


def test_maxdepth_and_includehidden(build):
    options = {"globaltoc_maxdepth": 1, "globaltoc_includehidden": False, "globaltoc_collapse": False}
    soup = build("basic", confoverrides={"html_theme_options": options}).soup("index")
    nav = soup.select_one("nav#pt-sidebar-left")
    assert nav.select("details") == []
    assert "Hidden page" not in nav.get_text()
    assert "First page" in nav.get_text()


def test_page_titles_are_text_in_the_navigation(build):
    soup = build("escaping").soup("index")
    nav = soup.select_one("nav#pt-sidebar-left")
    assert nav.find("script") is None
    assert "Tags <script>alert(1)</script> & more" in nav.get_text()


# Right sidebar -------------------------------------------------------------


def test_page_contents_lists_the_sections_not_the_title(build):
    soup = build("basic").soup("index")
    toc = soup.select_one("aside.pt-sidebar--right nav.pt-toc")
    assert [a.get_text() for a in toc.select("a")] == ["Install", "Usage", "Details"]
    assert [a["href"] for a in toc.select("a")] == ["#install", "#usage", "#details"]
    assert soup.select_one("aside.pt-sidebar--right details.pt-toc__toggle summary")


def test_page_contents_hidden_below_two_sections_and_by_metadata(build):
    site = build("basic")
    assert site.soup("nested").select_one("aside.pt-sidebar--right") is None  # one section
    assert site.soup("hidden").select_one("aside.pt-sidebar--right") is None  # none
    assert site.soup("second").select_one("aside.pt-sidebar--right") is None  # :hide-toc:
    assert site.soup("first").select_one("aside.pt-sidebar--right") is not None


# Prev / next, footer ---------------------------------------------------------


def test_prev_next_name_the_adjacent_pages(build):
    site = build("basic")
    soup = site.soup("first")
    prev = soup.select_one("a.pt-prev-next__link--prev")
    nxt = soup.select_one("a.pt-prev-next__link--next")
    assert prev["href"] == "index.html" and prev["rel"] == ["prev"]
    assert prev.select_one(".pt-prev-next__label").get_text() == "Previous"
    assert prev.select_one(".pt-prev-next__title").get_text() == "Fixture Project"
    assert nxt["href"] == "nested.html"
    assert nxt.select_one(".pt-prev-next__label").get_text() == "Next"
    assert nxt.select_one(".pt-prev-next__title").get_text() == "Nested page"
    # At the ends, the missing side is absent.
    assert site.soup("index").select_one("a.pt-prev-next__link--prev") is None
    last = site.soup("hidden")
    assert last.select_one("a.pt-prev-next__link--next") is None


def test_footer_lines_and_credit(build):
    site = build("basic", confoverrides={"html_last_updated_fmt": "%Y"})
    footer = site.soup().select_one("footer.pt-footer")
    text = " ".join(footer.get_text().split())
    assert "© Copyright 2026, The Fixture Authors." in text
    assert "Last updated on" in text
    assert "Created using Sphinx" in text
    assert "Styled using the Piccolo Theme." in text


def test_credit_can_be_turned_off(build):
    options = {"show_theme_credit": False}
    site = build("basic", confoverrides={"html_theme_options": options, "html_show_sphinx": False})
    footer = site.soup().select_one("footer.pt-footer")
    assert "Piccolo Theme" not in footer.get_text()
    assert "Created using" not in footer.get_text()


# Banner ----------------------------------------------------------------------


@pytest.mark.parametrize("hiding", ["temporary", "permanent"])
def test_banner(build, hiding):
    options = {"banner_text": 'New: <a href="https://example.org/">read more</a>', "banner_hiding": hiding}
    site = build("basic", confoverrides={"html_theme_options": options})
    soup = site.soup()
    banner = soup.select_one("#pt-banner")
    assert banner["data-hiding"] == hiding
    assert banner.select_one(".pt-banner__text a")["href"] == "https://example.org/"
    assert banner.select_one("button.pt-banner__hide")
    # The banner precedes the header, and a dismissed one is hidden before paint.
    assert banner.find_next("header")["class"] == ["pt-header"]
    assert banner["data-banner-id"] in banner.find_next("script").string
    show = soup.select_one("button.pt-banner-show")
    assert (show is not None) == (hiding == "temporary")


def test_banner_id_follows_the_text(build):
    ids = set()
    for text in ("one", "two"):
        soup = build("basic", confoverrides={"html_theme_options": {"banner_text": text}}).soup()
        ids.add(soup.select_one("#pt-banner")["data-banner-id"])
    assert len(ids) == 2


def test_no_banner_by_default(build):
    soup = build("basic").soup()
    assert soup.select_one("#pt-banner") is None
    assert soup.select_one(".pt-banner-show") is None


# Modes, head -----------------------------------------------------------------


def test_mode_script_runs_before_any_stylesheet(build):
    soup = build("basic").soup()
    head = soup.head
    script = head.find("script")
    first_css = head.find("link", rel="stylesheet")
    assert script is not None and "piccolo-mode" in script.string
    assert script.sourceline < first_css.sourceline
    assert soup.html["data-mode"] == "auto"


@pytest.mark.parametrize("mode", ["light", "dark", "darkest", "auto"])
def test_default_mode(build, mode):
    soup = build("basic", confoverrides={"html_theme_options": {"default_mode": mode}}).soup()
    assert soup.html["data-mode"] == mode


def test_dark_code_blocks_ship_in_the_theme_stylesheet(build):
    site = build("basic")
    css = (site.outdir / "_static" / "piccolo_theme.css").read_text()
    on = f':not([{facts.DARK_CODE_OFF[0]}="{facts.DARK_CODE_OFF[1]}"])'
    assert f':root[data-mode="dark"]{on} .highlight .k' in css
    assert f':root[data-mode="darkest"]{on} .highlight' in css
    assert re.search(r"prefers-color-scheme:\s*dark", css) and f':root[data-mode="auto"]{on} .highlight' in css
    soup = site.soup()
    assert "data-dark-code" not in soup.html.attrs
    # No second stylesheet to fetch before the page can render.
    assert [link["href"].split("?")[0] for link in soup.select('link[rel="stylesheet"]')] == [
        "_static/pygments.css",
        "_static/piccolo_theme.css",
    ]
    assert not (site.outdir / "_static" / "piccolo_pygments_dark.css").exists()


def test_dark_mode_code_blocks_off_keeps_the_light_style(build):
    site = build("basic", confoverrides={"html_theme_options": {"dark_mode_code_blocks": False}})
    assert site.soup().html["data-dark-code"] == "off"


def test_brand_colour_and_its_text_colour(build):
    soup = build("basic", confoverrides={"html_theme_options": {"brand_colour": "#ffd54f"}}).soup()
    style = soup.head.find("style").string
    assert "--pt-brand:#ffd54f" in style
    assert "--pt-on-brand:#181920" in style  # dark text on a light brand colour
    soup = build("basic", confoverrides={"html_theme_options": {"brand_color": "rebeccapurple"}}).soup()
    assert "--pt-brand:rebeccapurple" in soup.head.find("style").string


def test_meta_description_from_first_paragraph(build):
    soup = build("basic").soup()
    meta = soup.head.find("meta", attrs={"name": "description"})
    assert meta["content"] == "The fixture site\u2019s first paragraph, used as the meta description."


def test_skip_link_is_first_and_targets_main(build):
    soup = build("basic").soup()
    first = soup.body.find(["a", "button", "input"])
    assert "pt-skip-link" in first["class"]
    main = soup.select_one(first["href"])
    assert main.name == "main" and main["tabindex"] == "-1"


def test_wide_tables_get_a_scrolling_box(build):
    soup = build("basic").soup("reference/api")
    table = soup.select_one("table.docutils")
    assert "pt-table-scroll" in table.parent["class"]


def test_single_viewport_meta(build):
    head = build("basic").soup().head
    assert len(head.find_all("meta", attrs={"name": "viewport"})) == 1


# Options ---------------------------------------------------------------------


def test_user_options_are_never_modified(build):
    options = {"source_url": "https://github.com/x/y", "banner_hiding": "bogus", "brand_color": "red"}
    before = copy.deepcopy(options)
    site = build("basic", confoverrides={"html_theme_options": options}, warnings=True)
    assert options == before
    assert "html_theme_options['banner_hiding'] = 'bogus'" in site.warnings


def test_theme_toml_defaults_match_the_option_defaults(build):
    site = build("basic")
    declared = site.app.builder.theme.get_options({})
    assert validate(declared) == ThemeOptions()
    assert set(declared) - {"brand_color"} >= {f.name for f in ThemeOptions.__dataclass_fields__.values()}


def test_toctree_captions_in_the_page_have_a_heading_level(build):
    soup = build("basic").soup()
    captions = soup.select(".body p.caption")
    assert captions and all(c["role"] == "heading" and c["aria-level"] == "2" for c in captions)


def test_tables_inside_paragraphs_get_a_scrolling_box_too(build):
    # Sphinx's doc fields put a parameter's description, a table included, inside
    # the paragraph of its list item: a walk that skips text elements misses it.
    page = (
        "Fields\n======\n\n.. py:function:: f(x)\n\n"
        "   :param x: The choices:\n\n"
        "      ===== =====\n      a     b\n      ===== =====\n      1     2\n      ===== =====\n"
    )
    soup = build("basic", files={"fields.rst": ":orphan:\n\n" + page}).soup("fields")
    tables = soup.select("dd.field-odd table")
    assert tables
    assert all("pt-table-scroll" in table.parent["class"] for table in tables)
