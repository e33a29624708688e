"""A module documented with autodoc.

.. py:function:: from_docstring_kept(alpha: int, beta: int) -> None
   :single-line-parameter-list:

.. py:function:: from_docstring_broken(alpha: int, beta: int) -> None
"""


def documented(alpha: int, beta: int) -> None:
    """A function documented by autodoc."""
