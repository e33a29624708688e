project = "Deep"
html_theme = "piccolo_theme"
