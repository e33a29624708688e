project = "Logo Project"
html_theme = "piccolo_theme"
html_logo = "logo.svg"
