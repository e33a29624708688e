project = "Budget Fixture"
html_theme = "piccolo_theme"
html_static_path = ["_static"]


def setup(app):
    app.add_js_file("later.js", loading_method="defer")
    app.add_js_file("data.json", type="application/json", id="pt-data")
