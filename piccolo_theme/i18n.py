"""The theme's translatable strings, and their place in ``sphinx.pot``.

Sphinx's ``gettext`` builder only reads templates in the project's own
``templates_path``. When piccolo_theme is listed in ``extensions`` (the HTML
theme alone is not loaded by non-HTML builders), we add the theme's strings to
the ``sphinx`` catalogue too, so a site can translate them into a language we
do not ship, or reword them, with its own ``locale_dirs``.

:func:`messages` is also what scripts/extract_messages.py writes our catalogs from.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from jinja2 import Environment

from piccolo_theme.facts import PACKAGE_DIR

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.application import Sphinx


def _template_messages() -> list[tuple[str, Path, int]]:
    env = Environment(extensions=["jinja2.ext.i18n"])
    found = []
    for path in sorted(PACKAGE_DIR.rglob("*.html")):
        # Added to the environment by the i18n extension, so unknown to the type checker.
        extract = env.extract_translations  # type: ignore[attr-defined]
        for lineno, _function, message in extract(path.read_text(encoding="utf-8")):
            # The theme has no plural forms; refuse them rather than half-support them.
            if not isinstance(message, str):
                raise ValueError(f"{path}:{lineno}: plural or non-literal message {message!r}")
            found.append((message, path, lineno))
    return found


def _python_messages() -> list[tuple[str, Path, int]]:
    found = []
    for path in sorted(PACKAGE_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((node.args[0].value, path, node.lineno))
    return found


def messages() -> dict[str, list[tuple[Path, int]]]:
    """Every theme string, sorted, with the files and lines that use it."""
    found: dict[str, list[tuple[Path, int]]] = {}
    for message, path, lineno in _template_messages() + _python_messages():
        found.setdefault(message, []).append((path, lineno))
    return dict(sorted(found.items()))


def on_builder_inited(app: Sphinx) -> None:
    if app.builder.name != "gettext":
        return
    from sphinx.builders.gettext import MsgOrigin

    # The builder writes this catalogue (sphinx.pot) when it finishes.
    catalog = app.builder.catalogs["sphinx"]  # type: ignore[attr-defined]
    for message, locations in messages().items():
        for path, lineno in locations:
            catalog.add(message, MsgOrigin(str(path), lineno))


_RTL_LANGUAGES = frozenset({"ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})


def is_rtl(language: str | None) -> bool:
    """Whether ``language`` (Sphinx's ``language``, e.g. ``pt_BR``) is written right to left."""
    return (language or "en").replace("-", "_").split("_")[0].lower() in _RTL_LANGUAGES
