def test_basic_site_builds_without_warnings(build):
    site = build("basic")
    assert site.warnings == ""
    assert site.soup("index").select_one("header.pt-header") is not None
