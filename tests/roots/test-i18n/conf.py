project = "Translated"
html_theme = "piccolo_theme"
copyright = "2026, Somebody"
html_last_updated_fmt = "%Y"
html_theme_options = {
    "banner_text": "Banner",
    "banner_hiding": "temporary",
    "source_url": "https://github.com/example/project",
}
