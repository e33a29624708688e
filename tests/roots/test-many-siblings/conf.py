project = "Siblings"
html_theme = "piccolo_theme"
