"""Code colours for the dark modes, generated from a real Pygments style.

The light style is Sphinx's ``pygments_style`` (our theme default: ``xcode``,
whose tokens all pass WCAG AA on white), served by Sphinx's ``pygments.css``.
The dark and darkest modes use ``lightbulb`` (AA on its own background, better
still on black). ``scripts/compile_sass.py`` writes :func:`dark_scss` to
``sass/_code-dark.scss``, compiled into the shipped stylesheet: one file fewer
for every page to fetch before it can render.

Every rule sits inside ``when-dark`` (``sass/_modes.scss``), the one dark-mode
selector, with ``$dark-code-off`` excluded: ``dark_mode_code_blocks = False``
writes ``facts.DARK_CODE_OFF`` on ``<html>`` and none of the rules match.
"""

from __future__ import annotations

from pygments.formatters import HtmlFormatter
from pygments.style import Style
from pygments.styles import get_style_by_name
from pygments.token import Text

DARK_STYLE = "lightbulb"
#: The darkest mode's code background: near black, as its page is black.
DARKEST_CODE_BG = "#0b0b0d"


def dark_scss(style_name: str = DARK_STYLE) -> str:
    style = get_style_by_name(style_name)
    formatter = HtmlFormatter(style=style)
    # Only the block and token colours. Pygments' other rules (``pre`` line
    # height, line numbers) come unscoped, so they reached the light mode too;
    # Sphinx's pygments.css has them for every mode, and the theme colours line
    # numbers (--pt-muted) and emphasised lines (--pt-highlight-line) itself.
    defs = formatter.get_background_style_defs(".highlight") + formatter.get_token_style_defs(".highlight")
    rules = [line for line in defs if not line.startswith(".highlight .hll ")]
    body = "\n".join(f"  {rule}" for rule in rules)
    return (
        f"// The Pygments style {style_name!r}. Block colours are variables, so the\n"
        "// darkest mode can go black.\n"
        "@include when-dark($except: $dark-code-off) {\n"
        f"  --pt-code-bg:{style.background_color};\n"
        f"  --pt-code-fg:{_default_colour(style)};\n"
        f"{body}\n"
        "}\n\n"
        "@include when-dark(darkest, $except: $dark-code-off) {\n"
        f"  --pt-code-bg:{DARKEST_CODE_BG};\n"
        "}\n"
    )


def _default_colour(style: type[Style]) -> str:
    colour = style.style_for_token(Text).get("color")
    return f"#{colour}" if colour else "#e6e6e6"
