import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

project = "Parameter links"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon"]
html_theme = "piccolo_theme"
autodoc_member_order = "bysource"
