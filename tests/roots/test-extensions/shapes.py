"""Shapes, documented with Google-style docstrings and type hints."""

from __future__ import annotations


class Square:
    """A square.

    Args:
        side: The length of one side.
    """

    def __init__(self, side: float) -> None:
        self.side = side

    def area(self, scale: float = 1.0) -> float:
        """The area, optionally scaled.

        Args:
            scale: Multiplies each side first.

        Returns:
            The area.
        """
        return (self.side * scale) ** 2


def total_area(squares: list[Square]) -> float:
    """The area of all the squares.

    Args:
        squares: The squares to add up.
    """
    return sum(s.area() for s in squares)
