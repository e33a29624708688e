"""Awkward signatures for the signature tests (importable on Python 3.10+)."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Awaitable, Callable
from typing import Any, Literal, overload


class Config:
    """A class that annotations refer to, so they become links."""


def no_params() -> None:
    """No parameters at all."""


def one_param(x: int) -> int:
    """A single parameter."""
    return x


def defaults_with_commas(
    sep: str = ", ",
    pair: tuple[int, int] = (1, 2),
    table: dict[str, list[int]] = {"a, b": [1, 2]},  # noqa: B006
    pattern: str = "[a-z](,)",
) -> None:
    """Defaults holding commas, brackets and strings."""


def nested_generics(
    mapping: dict[str, list[tuple[int, Callable[[int, str], dict[str, Any]]]]],
) -> list[dict[str, set[frozenset[int]]]]:
    """Generics inside generics."""
    return []


def star_args(first, *args: int, **kwargs: str) -> None:
    """Variadic positional and keyword parameters."""


def markers(a, b, /, c, *, d, e=1) -> None:
    """Positional-only and keyword-only markers."""


async def fetch(url: str, *, timeout: float = 10.0) -> bytes:
    """An async function."""
    return b""


def uses_config(config: Config, fallback: Config | None = None) -> Config:
    """Annotations that link to a documented class."""
    return config


def long_annotation(
    callback: Callable[
        [dict[str, list[tuple[int, ...]]], Literal["alpha", "beta", "gamma"]],
        Awaitable[dict[str, list[tuple[Config, ...]]]],
    ],
    retries: int = 3,
) -> dict[str, list[tuple[Config, Callable[[int], Awaitable[None]]]]]:
    """A very long annotation."""
    return {}


@overload
def parse(value: str) -> int: ...


@overload
def parse(value: bytes, encoding: str = "utf-8") -> int: ...


def parse(value, encoding="utf-8"):
    """Overloaded."""
    return 0


def napoleon_documented(a: int, b: str = "b") -> bool:
    """A Google-style docstring, read by napoleon.

    Args:
        a: The first parameter.
        b: The second parameter.

    Returns:
        Always true.
    """
    return True


@dataclasses.dataclass
class Point:
    """A dataclass."""

    x: float
    y: float = 0.0
    label: str = "origin, default"


class Colour(enum.Enum):
    """An enum."""

    RED = 1
    GREEN = 2


class Widget:
    """A class with every kind of member."""

    def __init__(self, name: str, size: tuple[int, int] = (640, 480), *, config: Config | None = None) -> None:
        self.name = name

    @property
    def area(self) -> int:
        """A property."""
        return 0

    def method(self, a: int, b: str = "x") -> None:
        """A method."""

    @classmethod
    def create(cls, **options: Any) -> Widget:
        """A class method."""
        return cls("w")

    @staticmethod
    def helper() -> None:
        """A static method with no parameters."""

    async def refresh(self, force: bool = False) -> None:
        """An async method."""
