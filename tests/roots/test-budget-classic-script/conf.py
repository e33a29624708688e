project = "Budget Fixture"
html_theme = "piccolo_theme"
html_static_path = ["_static"]


def setup(app):
    # Like sphinx-copybutton: a classic script that reads DOCUMENTATION_OPTIONS at load time.
    app.add_js_file("needs-options.js")
