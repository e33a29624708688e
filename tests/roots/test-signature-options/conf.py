import sys
from pathlib import Path

# The fixture module and the overriding extension sit next to this file.
sys.path.insert(0, str(Path(__file__).resolve().parent))

project = "Single-line options"
extensions = ["sphinx.ext.autodoc", "myst_parser", "overriding_extension"]
html_theme = "piccolo_theme"
