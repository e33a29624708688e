project = "Untitled"
html_theme = "piccolo_theme"
