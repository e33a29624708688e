project = "Notebooks"
html_theme = "piccolo_theme"
extensions = ["myst_nb"]
# Stored outputs only: nothing is executed.
nb_execution_mode = "off"
# Stated, not Sphinx's default: myst-nb adds its suffixes to the default's
# dict, which a later app in the same test process would inherit.
source_suffix = {".rst": "restructuredtext"}
