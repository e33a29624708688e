# Content that tends to push a page wider than a 320 px screen. The browser
# suite loads this site too; tests/test_odd_sites.py checks its HTML.
project = "Long content"
html_theme = "piccolo_theme"
