project = "Navigation"
html_theme = "piccolo_theme"
