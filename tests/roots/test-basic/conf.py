project = "Fixture Project"
html_theme = "piccolo_theme"
