project = "Toctrees"
html_theme = "piccolo_theme"
