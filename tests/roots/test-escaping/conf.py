project = "Escaping <b>Project</b>"
html_theme = "piccolo_theme"
