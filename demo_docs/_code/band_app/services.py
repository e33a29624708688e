"""Queries the example application runs, written as plain async functions.

The docstrings use both styles that ``sphinx.ext.napoleon`` understands:
Google style for :func:`promote`, :func:`upcoming_concerts` and
:func:`promote_band` (deprecated), NumPy style
for :func:`rename_band` and :class:`Leaderboard`.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from band_app.tables import Band, Concert


async def promote(band_name: str, amount: int = 1, *, cap: int | None = None) -> int:
    """Raise a band's popularity.

    The update runs in the database (``popularity = popularity + amount``),
    so two promotions at the same moment cannot overwrite each other.

    Args:
        band_name: The exact name of the band.
        amount: How much to add. Negative numbers demote.
        cap: If given, the popularity never ends above this value.

    Returns:
        The band's popularity after the update.

    Raises:
        LookupError: No band has that name.

    Example:
        >>> await promote("Pythonistas", 10)
        1010
    """
    async with Band._meta.db.transaction():
        band = await Band.objects().where(Band.name == band_name).first().lock_rows()
        if band is None:
            raise LookupError(band_name)
        band.popularity = band.popularity + amount
        if cap is not None:
            band.popularity = min(band.popularity, cap)
        await band.save([Band.popularity])
        return band.popularity


async def upcoming_concerts(
    after: datetime.datetime | None = None,
    limit: int = 10,
    band_names: Sequence[str] = (),
) -> list[dict[str, object]]:
    """List the next concerts, soonest first.

    Args:
        after: Only concerts starting after this moment. Defaults to now (UTC).
        limit: At most this many rows.
        band_names: If not empty, only concerts by these bands.

    Returns:
        One dictionary per concert, with the keys ``venue``, ``starts`` and
        ``band.name`` (a join through the foreign key).

    Note:
        The query is built afresh on every call; for a query that never
        changes, see frozen queries.
    """
    after = after or datetime.datetime.now(tz=datetime.timezone.utc)
    query = Concert.select(Concert.venue, Concert.starts, Concert.band.name).where(Concert.starts > after)
    if band_names:
        query = query.where(Concert.band.name.is_in(list(band_names)))
    return await query.order_by(Concert.starts).limit(limit)


async def rename_band(old: str, new: str, dry_run: bool = False) -> bool:
    """Give a band a new name.

    Parameters
    ----------
    old : str
        The current name.
    new : str
        The name to use from now on. It must not be taken.
    dry_run : bool, optional
        Check that the rename would work, but change nothing.

    Returns
    -------
    bool
        ``True`` if a row was (or would have been) renamed.

    See Also
    --------
    promote : another update, done inside a transaction.
    """
    exists = await Band.exists().where(Band.name == old)
    if not exists or dry_run:
        return exists
    await Band.update({Band.name: new}).where(Band.name == old)
    return True


async def promote_band(band_name: str, amount: int = 1) -> int:
    """Raise a band's popularity: the old name of :func:`promote`.

    .. deprecated:: 1.1
       Use :func:`promote`, which can also cap the popularity.

    Args:
        band_name: The exact name of the band.
        amount: How much to add.

    Returns:
        The band's popularity after the update.
    """
    return await promote(band_name, amount)


class Leaderboard:
    """The most popular bands, recomputed on demand.

    Parameters
    ----------
    size : int
        How many bands the board shows.
    include_inactive : bool
        Whether bands that stopped playing still count.

    Attributes
    ----------
    size : int
        As given.
    include_inactive : bool
        As given.

    Examples
    --------
    >>> board = Leaderboard(size=3)
    >>> await board.refresh()
    ['Pythonistas', 'Rustaceans', 'C-Sharps']
    """

    def __init__(self, size: int = 10, include_inactive: bool = False) -> None:
        self.size = size
        self.include_inactive = include_inactive
        self._names: list[str] = []

    async def refresh(self) -> list[str]:
        """Run the query again and return the band names, most popular first."""
        query = Band.select(Band.name).order_by(Band.popularity, ascending=False)
        if not self.include_inactive:
            query = query.where(Band.active == True)  # noqa: E712
        rows = await query.limit(self.size)
        self._names = [row["name"] for row in rows]
        return self._names

    @property
    def names(self) -> list[str]:
        """The names found by the last :meth:`refresh` (empty before the first)."""
        return list(self._names)
