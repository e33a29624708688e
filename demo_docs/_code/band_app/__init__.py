"""A small Piccolo application about bands and their concerts.

It exists to be documented: the demo site renders it with autodoc, napoleon
and viewcode. Nothing in it connects to a database when imported.
"""
