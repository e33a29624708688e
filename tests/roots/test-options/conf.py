project = "Options"
html_theme = "piccolo_theme"
