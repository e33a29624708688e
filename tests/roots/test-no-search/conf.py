project = "No search"
html_theme = "piccolo_theme"


def _no_search(app):
    # Sphinx has no setting to turn search off; sites do it on the builder.
    if hasattr(app.builder, "search"):
        app.builder.search = False


def setup(app):
    app.connect("builder-inited", _no_search)
