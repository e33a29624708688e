"""Docstrings in napoleon's two styles, and plain reST fields."""

from __future__ import annotations


def google(band: str, amount: int = 1, *args: int, cap: int | None = None, **kwargs: str) -> int:
    """Google style.

    Args:
        band: The band.
        amount: How much.
        *args: Extra amounts.
        cap: The ceiling.
        **kwargs: Options.

    Returns:
        The result.
    """
    return 0


def numpy(old: str, new: str, /, dry_run: bool = False) -> bool:
    """NumPy style.

    Parameters
    ----------
    old : str
        The current name.
    new : str
        The next name.
    dry_run : bool, optional
        Change nothing.
    """
    return True


def restructured(first, second=None, *, third=0):
    """Plain fields; ``second`` is not documented.

    :param first: The first.
    :type first: int
    :param third: The third.
    """


def undocumented(a, b):
    """No fields at all."""
