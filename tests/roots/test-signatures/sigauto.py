"""A second module, documented through autosummary's generated pages."""


def tabulate(rows: list[dict[str, int]], *, header: bool = True) -> str:
    """Rows as a table."""
    return ""


class Table:
    """A table."""

    def __init__(self, rows: list[dict[str, int]], name: str = "t") -> None:
        self.rows = rows
