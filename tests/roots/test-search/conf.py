project = "Search Fixture"
copyright = "2026, The Fixture Authors"
html_theme = "piccolo_theme"
