project = "Sections"
html_theme = "piccolo_theme"
