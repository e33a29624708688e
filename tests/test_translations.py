"""The theme's own strings are translated through Sphinx, in every shipped language."""

from __future__ import annotations

import gettext
import importlib.util
import re
import subprocess

import pytest
from babel.messages.pofile import read_po

from pt_paths import LOCALE_DIR as LOCALE
from pt_paths import ROOT, ROOTS, SCRIPTS

SHIPPED = ("de", "es", "fr", "it", "ja", "pt_BR", "zh_CN")


def _extractor():
    spec = importlib.util.spec_from_file_location("extract_messages", SCRIPTS / "extract_messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


THEME_MESSAGES = sorted(_extractor().messages())


def _catalog(language: str) -> gettext.GNUTranslations:
    with (LOCALE / language / "LC_MESSAGES" / "sphinx.mo").open("rb") as f:
        return gettext.GNUTranslations(f)


def _po(language: str):
    with (LOCALE / language / "LC_MESSAGES" / "sphinx.po").open("rb") as f:
        return read_po(f)


def test_the_strings_the_issue_names_are_extracted():
    for expected in (
        "Previous",
        "Next",
        "Page contents",
        "Search",
        "Skip to content",
        "Hide",
        "Show banner",
        "Back to top",
        "Colour mode: dark. Change mode",
    ):
        assert expected in THEME_MESSAGES
    assert any(m.startswith("Styled using") for m in THEME_MESSAGES)
    # navigation.py's _() call, found by the Python half of the extractor.
    assert "Show or hide the pages under %s" in THEME_MESSAGES


def test_every_shipped_language_has_a_catalog():
    have = sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES" / "sphinx.po").is_file())
    assert set(SHIPPED) <= set(have)


@pytest.mark.parametrize("language", SHIPPED)
def test_every_theme_string_is_translated(language):
    po = _po(language)
    missing = [m for m in THEME_MESSAGES if po.get(m) is None or not po.get(m).string]
    assert not missing, f"{language}: untranslated theme strings {missing}; run scripts/extract_messages.py"
    obsolete = [m.id for m in po if m.id and m.id not in THEME_MESSAGES]
    assert not obsolete, f"{language}: strings the theme no longer uses {obsolete}"
    fuzzy = [m.id for m in po if m.id and m.fuzzy]
    assert not fuzzy, f"{language}: fuzzy entries are not compiled: {fuzzy}"


_PLACEHOLDER = re.compile(r"%\(\w+\)s|%s")
_TAG = re.compile(r"<a href=\"[^\"]+\">|</a>")


@pytest.mark.parametrize("language", SHIPPED)
def test_translations_keep_placeholders_and_markup(language):
    for message in _po(language):
        if not message.id:
            continue
        for pattern in (_PLACEHOLDER, _TAG):
            assert sorted(pattern.findall(message.id)) == sorted(pattern.findall(message.string)), (
                f"{language}: {message.id!r} -> {message.string!r}"
            )


def test_compiled_catalogs_are_committed():
    # The wheel is built from git-tracked files (tests/test_package.py checks
    # that every tracked theme file is in it), so the .mo files must be tracked.
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(
        ["git", "ls-files", "piccolo_theme/locale"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for language in SHIPPED:
        assert f"piccolo_theme/locale/{language}/LC_MESSAGES/sphinx.mo" in tracked


@pytest.mark.parametrize("language", SHIPPED)
def test_compiled_catalog_matches_its_source(language):
    compiled = _catalog(language)
    for message in _po(language):
        if message.id:
            assert compiled.gettext(message.id) == message.string, (
                f"{language}: sphinx.mo is stale; run scripts/extract_messages.py"
            )


def test_french_build_shows_french_strings(build):
    site = build("i18n", confoverrides={"language": "fr"})
    index, other = site.soup("index"), site.soup("other")
    assert index.select_one(".pt-skip-link").get_text() == "Aller au contenu"
    assert index.select_one("#pt-toc-title").get_text() == "Contenu de la page"
    assert index.select_one(".pt-prev-next__link--next .pt-prev-next__label").get_text() == "Suivant"
    assert other.select_one(".pt-prev-next__link--prev .pt-prev-next__label").get_text() == "Précédent"
    # Sphinx's own French catalogue also has "Search", and comes first.
    assert index.select_one("#pt-search-input")["placeholder"] in ("Recherche", "Rechercher")
    assert index.select_one(".pt-banner__hide").get_text() == "Masquer"
    assert index.select_one(".pt-banner-show")["title"] == "Afficher l'annonce"
    assert index.select_one(".pt-back-to-top").get_text(strip=True) == "Retour en haut"
    assert index.select_one(".pt-mode-toggle")["data-label-dark"] == "Mode de couleur\u00a0: sombre. Changer de mode"
    assert index.select_one(".pt-source-link")["title"] == "Code source sur GitHub"
    assert "Mis en forme avec le" in index.select_one(".pt-footer").get_text()
    # From navigation.py (Python, not a template).
    toggle = other.select_one(".pt-nav__toggle").get_text()
    assert toggle == "Afficher ou masquer les pages sous Other"
    assert "Skip to content" not in site.html("index")


@pytest.mark.parametrize("language", SHIPPED)
def test_each_language_reaches_the_page(build, language):
    site = build("i18n", confoverrides={"language": language})
    catalog = _catalog(language)
    soup = site.soup("index")
    assert soup.select_one(".pt-skip-link").get_text() == catalog.gettext("Skip to content")
    assert soup.select_one(".pt-back-to-top").get_text(strip=True) == catalog.gettext("Back to top")
    assert catalog.gettext("Skip to content") != "Skip to content"


def test_a_language_without_a_theme_catalog_falls_back_to_english(build):
    site = build("i18n", confoverrides={"language": "nl"})
    assert site.soup("index").select_one(".pt-skip-link").get_text() == "Skip to content"


def test_the_users_own_catalog_can_override_a_theme_string(build, tmp_path):
    # Sphinx's locale_dirs come first: a site can reword (or add a language to)
    # the theme's strings with its own sphinx.po.
    site_root = ROOTS / "test-i18n"
    locale = tmp_path / "mylocale" / "fr" / "LC_MESSAGES"
    locale.mkdir(parents=True)
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale="fr", domain="sphinx")
    catalog.add("Skip to content", "Au contenu !")
    with (locale / "sphinx.mo").open("wb") as f:
        write_mo(f, catalog)
    assert site_root.is_dir()
    site = build("i18n", confoverrides={"language": "fr", "locale_dirs": [str(tmp_path / "mylocale")]})
    soup = site.soup("index")
    assert soup.select_one(".pt-skip-link").get_text() == "Au contenu !"
    # Strings the site does not override still come from the theme.
    assert soup.select_one("#pt-toc-title").get_text() == "Contenu de la page"


def test_gettext_builder_extracts_the_theme_strings(build):
    site = build(
        "i18n",
        buildername="gettext",
        confoverrides={"extensions": ["piccolo_theme"]},
    )
    pot = (site.outdir / "sphinx.pot").read_text(encoding="utf-8")
    msgids = set(re.findall(r'(?m)^msgid "(.+)"$', pot))
    missing = [m for m in THEME_MESSAGES if m.replace('"', '\\"') not in msgids]
    assert not missing, f"not in sphinx.pot: {missing}"
