project = "Single"
html_theme = "piccolo_theme"
