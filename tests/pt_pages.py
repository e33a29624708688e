"""Pages to add to the ``site`` fixture for tests of what the theme makes once
per depth or folder (fragments.py, head_tags.py): pages at three depths, two
folders at each depth below the top."""

from __future__ import annotations

#: Written into the copied source (the ``build`` fixture's ``files``).
FILES = {
    "chapter2/deeper/page.rst": ":orphan:\n\nDeep page\n=========\n\nText.\n",
    "chapter2/deeper/other.rst": ":orphan:\n\nOther deep page\n===============\n\nText.\n",
    "chapter3/page.rst": ":orphan:\n\nChapter three page\n==================\n\nText.\n",
    "chapter3/deeper/page.rst": ":orphan:\n\nDeep in three\n=============\n\nText.\n",
}
#: Those pages and the site's own, by docname.
PAGES = [
    "index",
    "chapter1",
    "chapter2/index",
    "chapter2/sub",
    "chapter2/deeper/page",
    "chapter2/deeper/other",
    "chapter3/page",
    "chapter3/deeper/page",
]
