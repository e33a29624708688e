import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The fixture modules sit next to this file.
sys.path.insert(0, str(HERE))

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

# Breathe is optional: its page is only built where it is installed.
if importlib.util.find_spec("breathe") is not None:
    extensions.append("breathe")
    breathe_projects = {"sig": str(HERE / "doxygen")}
    breathe_default_project = "sig"
else:
    exclude_patterns = ["breathe.rst"]
