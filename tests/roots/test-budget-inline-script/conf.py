project = "Budget Fixture"
html_theme = "piccolo_theme"


def setup(app):
    app.add_js_file(None, body="window.ptVersion = DOCUMENTATION_OPTIONS.VERSION;")
