"""What the theme works out once per build and reuses for every page.

Each :class:`PerBuild` store holds a dict per builder, made on first use and
emptied when a build's write phase starts (``env-updated``): a second build by
the same application (the tests, a long-running server) sees its site afresh.
Values the options decide, loaded at ``builder-inited``, live in their own
modules instead: they last as long as the builder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

K = TypeVar("K", bound="Hashable")
V = TypeVar("V")

_ALL: list[PerBuild[Hashable, object]] = []


class PerBuild(Generic[K, V]):
    """A dict per builder, emptied at the start of each build's write phase."""

    def __init__(self) -> None:
        self._by_builder: WeakKeyDictionary[Builder, dict[K, V]] = WeakKeyDictionary()
        _ALL.append(self)  # type: ignore[arg-type]  # only ever emptied

    def of(self, builder: Builder) -> dict[K, V]:
        store = self._by_builder.get(builder)
        if store is None:
            store = self._by_builder[builder] = {}
        return store

    def get(self, builder: Builder, key: K, make: Callable[[], V]) -> V:
        """The value for ``key``, made by ``make`` the first time it is asked for."""
        store = self.of(builder)
        if key in store:
            return store[key]
        value = store[key] = make()
        return value


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    for store in _ALL:
        store._by_builder.pop(app.builder, None)
