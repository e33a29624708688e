"""Facts the Python, the templates, the JavaScript and the SCSS all need.

This module is their one owner. The templates read them from here (through the
``piccolo`` context), ``scripts/compile_sass.py`` writes them into the generated
partial ``sass/_facts.scss``, and the JavaScript reads them from the page or
keeps a copy that a test pins to this file.
"""

from __future__ import annotations

from pathlib import Path

#: The installed package: templates, static files, locales.
PACKAGE_DIR = Path(__file__).resolve().parent
STATIC_DIR = PACKAGE_DIR / "static"
LOCALE_DIR = PACKAGE_DIR / "locale"
ICONS_DIR = PACKAGE_DIR / "components" / "icons"

#: The colour modes, in the order the toggle cycles through them; the first is
#: the default. ``darkest`` counts as dark wherever a light/dark choice is made.
MODES = ("auto", "light", "dark", "darkest")
DARK_MODES = ("dark", "darkest")

#: ``localStorage`` keys: the reader's colour mode, the banner they hid, and
#: whether they hid the left sidebar on a wide screen (only ``"hidden"`` is stored).
MODE_STORAGE_KEY = "piccolo-mode"
BANNER_STORAGE_KEY = "piccolo-banner-hidden"
SIDEBAR_STORAGE_KEY = "piccolo-sidebar"

#: Written on ``<html>`` before the first paint when scripts run: the left
#: sidebar's state on wide screens. Without the attribute (no JavaScript) the
#: sidebar shows and its toggle does not.
SIDEBAR_ATTRIBUTE = "data-sidebar"
SIDEBAR_STATES = ("shown", "hidden")

#: Layout widths, in rem. Below ``NARROW_REM`` the site navigation is a drawer;
#: below ``WIDE_REM`` the page contents leave their column.
NARROW_REM = 50
WIDE_REM = 75
CONTENT_WIDTH_REM = 45
SIDEBAR_WIDTH_REM = 15
HEADER_HEIGHT_REM = 3.5

#: Written on ``<html>`` when ``dark_mode_code_blocks`` is off; the dark code
#: colours' selectors exclude it.
DARK_CODE_OFF = ("data-dark-code", "off")
