project = "nbsphinx notebooks"
html_theme = "piccolo_theme"
extensions = ["nbsphinx"]
# Stored outputs only: nothing is executed.
nbsphinx_execute = "never"
# Stated, not Sphinx's default: myst-nb adds its suffixes to the default's
# dict, which a later app in the same test process would inherit.
source_suffix = {".rst": "restructuredtext"}
