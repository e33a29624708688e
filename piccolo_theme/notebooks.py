"""Jupyter notebook pages (myst-nb, nbsphinx): their own small stylesheet.

Only a page with notebook cells loads ``piccolo_theme_notebooks.css`` (compiled from
``sass/piccolo_theme_notebooks.scss``): the eager stylesheet of every other page does
not carry rules it never uses. Sphinx adds a file to the current page alone when
``add_css_file`` is called from ``html-page-context``.
"""

from __future__ import annotations

import re

STYLESHEET = "piccolo_theme_notebooks.css"

# The cell containers: myst-nb's ``cell``, nbsphinx's ``nbinput``/``nboutput``.
_CELL = re.compile(r'<div class="(?:cell|nbinput|nboutput)[ "]')


def has_cells(body: str) -> bool:
    return _CELL.search(body) is not None
