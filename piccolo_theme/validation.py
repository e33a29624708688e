"""Generic checks of option values: each returns a usable value, warning once otherwise.

Every warning names the option, the value given and what is used instead
(``tests/test_bad_options.py`` pins the texts). Used by ``options.py`` and the
feature modules that validate options of their own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from sphinx.util import logging

logger = logging.getLogger(__name__)


def warn(name: str, value: Any, fallback: Any, why: str) -> None:
    """One warning naming the option, the value given and what is used instead."""
    shown = fallback.text if isinstance(fallback, Described) else repr(fallback)
    logger.warning(
        "piccolo_theme: html_theme_options[%r] = %r %s; using %s instead.",
        name,
        value,
        why,
        shown,
        type="piccolo_theme",
        subtype="option",
    )


@dataclasses.dataclass(frozen=True)
class Described:
    """A fallback better described in words than by its value."""

    text: str


def warn_described(name: str, value: Any, fallback: str, why: str) -> None:
    """:func:`warn` with the fallback in words: the feature modules' warning.

    ``name`` may be an option with an index (``icon_links[2]``) or a key of
    ``html_context`` (``html_context[github_user]``).
    """
    option, bracket, rest = name.partition("[")
    if option == "html_context" or bracket:
        where = name if option == "html_context" else f"html_theme_options[{option!r}][{rest}"
        logger.warning(
            "piccolo_theme: %s = %r %s; using %s instead.",
            where,
            value,
            why,
            fallback,
            type="piccolo_theme",
            subtype="option",
        )
        return
    warn(name, value, Described(fallback), why)


TRUE_WORDS = {"true", "yes", "on", "1"}
FALSE_WORDS = {"false", "no", "off", "0", ""}


def as_bool(name: str, value: Any, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in TRUE_WORDS | FALSE_WORDS:
        return value.strip().lower() in TRUE_WORDS
    warn(name, value, default, "is not a boolean")
    return default


def as_int(name: str, value: Any, default: int) -> int:
    if isinstance(value, bool):
        warn(name, value, default, "is not a whole number")
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = value.strip()
        if text == "":
            return default
        if re.fullmatch(r"-?\d+", text):
            return int(text)
    warn(name, value, default, "is not a whole number")
    return default


def as_str(name: str, value: Any, default: str) -> str | None:
    """The value as a string, or ``None`` (after a warning) when it is not one."""
    if isinstance(value, str):
        return value
    warn(name, value, default, "is not a string")
    return None


def as_choice(choices: tuple[str, ...]) -> Callable[[str, Any, str], str]:
    def check(name: str, value: Any, default: str) -> str:
        text = as_str(name, value, default)
        if text is None:
            return default
        if text.strip().lower() in choices:
            return text.strip().lower()
        warn(name, value, default, "is not one of " + ", ".join(map(repr, choices)))
        return default

    return check


def optional_str(accept: Callable[[str], bool], fallback: str, why: str) -> Callable[[str, Any, str], str]:
    """A string option that may be left empty, else must pass ``accept``."""

    def check(name: str, value: Any, default: str) -> str:
        if value is None:
            return default
        text = as_str(name, value, default)
        if text is None or text.strip() == "":
            return default
        text = text.strip()
        if accept(text):
            return text
        warn(name, value, Described(fallback), why)
        return default

    return check
