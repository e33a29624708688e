"""The tables of the example application.

Each class is a :class:`piccolo.table.Table`; its columns become the columns of
a database table when the migrations run.
"""

from __future__ import annotations

from enum import Enum

from piccolo.columns import (
    M2M,
    Boolean,
    ForeignKey,
    Integer,
    LazyTableReference,
    Secret,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table


class Manager(Table):
    """Someone who looks after one or more bands.

    A manager row is referenced by ``Band.manager``; deleting the manager
    deletes their bands too (``on_delete`` defaults to cascade).
    """

    #: The manager's full name; no two managers share one.
    name = Varchar(length=100, unique=True, help_text="The manager's full name.")
    #: A phone number, kept out of ``select(exclude_secrets=True)``.
    phone = Secret(length=20, null=True, help_text="Never sent to the admin by default.")


class Band(Table):
    """A band, with a popularity score kept up to date by :mod:`band_app.services`."""

    class Genre(str, Enum):
        """The genres a band can be filed under (stored as one letter)."""

        rock = "r"
        jazz = "j"
        folk = "f"
        electronic = "e"

    #: The band's name, indexed because most queries look bands up by name.
    name = Varchar(length=100, index=True)
    #: Who manages the band, if anyone.
    manager = ForeignKey(references=Manager, null=True)
    #: One of :class:`Band.Genre`, stored as its one-letter code.
    genre = Varchar(length=1, choices=Genre, default=Genre.rock)
    #: A score that :func:`band_app.services.promote` raises.
    popularity = Integer(default=0, help_text="Higher is more popular.")
    #: Whether the band still plays.
    active = Boolean(default=True)
    labels = M2M(LazyTableReference("BandToLabel", module_path=__name__))


class Label(Table):
    """A record label; bands and labels are linked through :class:`BandToLabel`."""

    name = Varchar(length=100, unique=True)
    bands = M2M(LazyTableReference("BandToLabel", module_path=__name__))


class BandToLabel(Table):
    """The joining table of the many-to-many relation between bands and labels."""

    band = ForeignKey(Band)
    label = ForeignKey(Label)


class Concert(Table):
    """One evening on which one band plays at one venue."""

    band = ForeignKey(Band)
    venue = Varchar(length=200)
    starts = Timestamptz()
    notes = Text(default="", help_text="Anything the audience should know.")
