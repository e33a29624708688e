import sys
from pathlib import Path

# The fixture module sits next to this file.
sys.path.insert(0, str(Path(__file__).resolve().parent))

project = "Signatures"
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
html_theme = "piccolo_theme"
autodoc_member_order = "bysource"
autosummary_generate = True
