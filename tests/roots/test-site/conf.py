project = "Site Fixture"
html_theme = "piccolo_theme"
html_baseurl = "https://docs.example.org/en/"
html_last_updated_fmt = "%Y-%m-%d"
html_logo = "logo.svg"
html_favicon = "favicon.svg"
html_static_path = ["static"]
html_css_files = ["extra.css"]
