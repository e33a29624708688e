project = "Parallel"
html_theme = "piccolo_theme"
