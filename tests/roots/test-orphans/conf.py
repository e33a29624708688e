project = "Orphans"
html_theme = "piccolo_theme"
