"""The shipped woff2 files are whole woff2 files.

Which files exist and which the stylesheet names is covered by test_assets.py
and test_budgets.py; their contents come from scripts/subset_fonts.py (its
``--check`` needs fontTools and brotli, maintainers' tools, so it is not run
here). What the standard library can check is the WOFF2 header.
"""

from __future__ import annotations

import struct

import pytest

from pt_paths import FONTS

WOFF2 = sorted(FONTS.glob("*.woff2"))


@pytest.mark.parametrize("font", WOFF2, ids=lambda f: f.name)
def test_woff2_header_has_the_signature_and_the_file_length(font):
    data = font.read_bytes()
    # WOFF2 header: signature, flavor, then the length of the whole file (big-endian).
    signature, flavor, length = struct.unpack(">4sII", data[:12])
    assert signature == b"wOF2", "not a woff2 file"
    assert flavor == 0x00010000, "not TrueType outlines"
    assert length == len(data), "truncated or padded file"
