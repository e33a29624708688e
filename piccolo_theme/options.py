"""Theme options: read once per build, validated, never written back.

Sphinx hands every theme option to the templates as an untyped ``theme_<name>``
value. We read the user's ``html_theme_options`` (plus the theme's defaults),
check each value, warn once for anything unusable and keep a typed, frozen
:class:`ThemeOptions` that the templates see as ``piccolo.options``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from piccolo_theme import edit_links, facts, forges, icon_links, logos, opengraph
from piccolo_theme.colours import contrast_ratio, parse_colour
from piccolo_theme.validation import (
    FALSE_WORDS,
    TRUE_WORDS,
    as_bool,
    as_choice,
    as_int,
    as_str,
    optional_str,
    warn,
)

BANNER_HIDING = ("temporary", "permanent")
FONTS = ("roboto", "system")
#: Who answers the header search box: Sphinx's own index (in the page), or
#: Read the Docs' server-side search (its add-on opens on an event).
SEARCH_PROVIDERS = ("sphinx", "readthedocs")


@dataclasses.dataclass(frozen=True)
class ThemeOptions:
    """Every option the theme understands, with its default."""

    banner_text: str = ""
    banner_hiding: str = "temporary"
    brand_colour: str = "#2b6cb0"
    dark_mode_code_blocks: bool = True
    #: ``basic``'s option: the ``/`` shortcut to the search field and its hint.
    enable_search_shortcuts: bool = True
    default_mode: str = facts.MODES[0]
    font: str = "roboto"
    globaltoc_collapse: bool = True
    globaltoc_includehidden: bool = True
    globaltoc_maxdepth: int = -1
    #: ``basic``'s option: no left sidebar (nor the buttons that open it).
    nosidebar: bool = False
    #: Results under the header search box while typing (issue 17).
    search_as_you_type: bool = True
    search_provider: str = "sphinx"
    show_theme_credit: bool = True
    #: ``True`` puts each parameter of every signature that has parameters on
    #: its own line, ``False`` never does, an ``int`` N only for signatures
    #: longer than N characters.
    signature_parameters_per_line: bool | int = True
    #: The image of link previews (``og:image``): an http(s) URL or a path on the site.
    social_image: str = ""
    source_icon: str = ""
    source_url: str = ""
    # A page's edit and view-source links (edit_links.py).
    show_edit_link: bool = True
    source_edit_link: str = ""
    source_view_link: str = ""
    source_branch: str = ""
    source_directory: str = ""
    source_ref_is_tag: bool = False
    show_breadcrumbs: bool = True
    # The brand (logos.py). Without a title beside it, the logo's alt text names the link.
    light_logo: str = ""
    dark_logo: str = ""
    logo_only: bool = True
    icon_links: tuple[icon_links.IconLink, ...] = ()

    @functools.cached_property
    def brand_text_colour(self) -> str:
        """White or near-black, whichever reads better on the brand colour.

        Cached: every page asks, and the options are one object per build
        (cached_property writes the instance dict, which frozen allows)."""
        rgb = parse_colour(self.brand_colour)
        if rgb is None:
            return "#fff"
        white = contrast_ratio(rgb, (255, 255, 255))
        dark = contrast_ratio(rgb, (24, 25, 32))
        return "#fff" if white >= 4.5 or white >= dark else "#181920"


#: Option names as users of the original theme may also spell them.
ALIASES = {"brand_color": "brand_colour"}

_DEFAULTS = ThemeOptions()


def _check_banner_text(name: str, value: Any, default: str) -> str:
    if value is None:
        return default
    text = as_str(name, value, default)
    return default if text is None else text.strip()


def _check_maxdepth(name: str, value: Any, default: int) -> int:
    depth = as_int(name, value, default)
    if depth == 0 or depth < -1:
        # 0 and negatives both mean "no limit" to Sphinx; keep one spelling.
        return -1
    return depth


def _is_http_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _check_colour(name: str, value: Any, default: str) -> str:
    text = as_str(name, value, default)
    if text is None:
        return default
    text = text.strip()
    if parse_colour(text) is not None or _is_other_css_colour(text):
        return text
    warn(name, value, default, "is not a CSS colour")
    return default


# CSS colour functions we accept without computing them (their contrast is
# then the user's responsibility). Only safe characters: the value is written
# into an inline style.
_CSS_FUNCTION = re.compile(r"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(\s*[-\w.%\s,/]+\)", re.ASCII)


def _is_other_css_colour(text: str) -> bool:
    return _CSS_FUNCTION.fullmatch(text.lower()) is not None


def _check_signatures(name: str, value: Any, default: bool | int) -> bool | int:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        if text in TRUE_WORDS - {"1"} or text == "always":
            return True
        if text in FALSE_WORDS - {"0", ""} or text == "never":
            return False
        if text.isdigit() and int(text) > 0:
            return int(text)
    warn(name, value, default, "is not True, False or a positive number of characters")
    return default


_CHECKS: dict[str, Callable[[str, Any, Any], Any]] = {
    "banner_text": _check_banner_text,
    "banner_hiding": as_choice(BANNER_HIDING),
    "brand_colour": _check_colour,
    "dark_mode_code_blocks": as_bool,
    "default_mode": as_choice(facts.MODES),
    "enable_search_shortcuts": as_bool,
    "font": as_choice(FONTS),
    "globaltoc_collapse": as_bool,
    "globaltoc_includehidden": as_bool,
    "globaltoc_maxdepth": _check_maxdepth,
    "nosidebar": as_bool,
    "search_as_you_type": as_bool,
    "search_provider": as_choice(SEARCH_PROVIDERS),
    "show_theme_credit": as_bool,
    "signature_parameters_per_line": _check_signatures,
    "social_image": optional_str(opengraph.is_safe_image, "no image", "is not an http(s) URL or a path on the site"),
    "source_icon": lambda n, v, d: "" if v in ("", None) else as_choice(forges.KEYS)(n, v, d),
    "source_url": optional_str(_is_http_url, "no source link", "is not an http(s) URL"),
    "show_edit_link": as_bool,
    "source_edit_link": edit_links.check_template,
    "source_view_link": edit_links.check_template,
    "source_branch": edit_links.check_path,
    "source_directory": edit_links.check_path,
    "source_ref_is_tag": as_bool,
    "show_breadcrumbs": as_bool,
    "light_logo": logos.check,
    "dark_logo": logos.check,
    "logo_only": as_bool,
    "icon_links": icon_links.check,
}


def validate(user_options: Mapping[str, Any]) -> ThemeOptions:
    """Turn ``html_theme_options`` into :class:`ThemeOptions`, warning as needed.

    Unknown names are left to Sphinx, which reports them itself.
    """
    values: dict[str, Any] = {}
    for raw_name, value in user_options.items():
        name = ALIASES.get(raw_name, raw_name)
        if name != raw_name and value in ("", None):
            continue  # the alias left at its (empty) default
        check = _CHECKS.get(name)
        if check is None:
            continue
        values[name] = check(raw_name, value, getattr(_DEFAULTS, name))
    options = dataclasses.replace(_DEFAULTS, **values)
    if options.source_url and not options.source_icon:
        options = dataclasses.replace(options, source_icon=forges.for_url(options.source_url).key)
    elif options.source_icon and not options.source_url:
        options = dataclasses.replace(options, source_icon="")
    return options
