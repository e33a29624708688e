project = "Spécial <&> ✨"
html_theme = "piccolo_theme"
html_theme_options = {
    # Banner text is HTML by design (it may hold a link).
    "banner_text": 'Ünïcödé 🎉 — مرحبا بكم — <a href="https://example.org/?a=1&amp;b=2">news</a>',
}
