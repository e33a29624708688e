"""Regenerate the shipped woff2 files from the fontsource originals.

fontsource's latin files hold glyphs (combining marks such as U+0301 and the
ccmp/mark/mkmk lookups that use them) reachable only from code points outside
the ``unicode-range`` that ``sass/_fonts.scss`` gives each face, so a browser
never uses them. This script fetches the npm packages at pinned versions,
subsets each file to that range with fontTools (keeping hinting and every
OpenType feature the kept code points reach) and writes the result into
``piccolo_theme/static/fonts/``.

Maintainers only: ``pip install -r requirements/fonts.txt`` in a virtualenv,
then ``python scripts/subset_fonts.py`` (or ``--check``). Needs ``npm``.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parent.parent
SCSS = ROOT / "sass" / "_fonts.scss"
FONTS = ROOT / "piccolo_theme" / "static" / "fonts"

# npm package spec -> the files taken from its ``files/`` folder.
PACKAGES: dict[str, tuple[str, ...]] = {
    "@fontsource/roboto@5.3.0": (
        "roboto-latin-400-normal.woff2",
        "roboto-latin-400-italic.woff2",
        "roboto-latin-700-normal.woff2",
    ),
    "@fontsource/roboto-mono@5.3.0": ("roboto-mono-latin-400-normal.woff2",),
}


def latin_range() -> list[int]:
    """The code points of ``$latin-range`` in the stylesheet, the one place the range is defined."""
    match = re.search(r"^\$latin-range:\s*([^;]+);", SCSS.read_text(encoding="utf-8"), re.MULTILINE)
    if match is None:
        raise SystemExit(f"no $latin-range in {SCSS.relative_to(ROOT)}")
    return subset.parse_unicodes(match.group(1))


def fetch_originals() -> dict[str, bytes]:
    """The fontsource files, by name, from ``npm pack`` of the pinned packages."""
    wanted = {name for files in PACKAGES.values() for name in files}
    originals: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # Run in the temporary directory so that no project npm configuration applies.
        subprocess.run(["npm", "pack", "--silent", *PACKAGES], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        for tarball in sorted(Path(tmp).glob("*.tgz")):
            with tarfile.open(tarball) as tar:
                # Read the members in memory: nothing is extracted to disk.
                for member in tar.getmembers():
                    folder, _, name = member.name.rpartition("/")
                    if member.isfile() and folder == "package/files" and name in wanted:
                        data = tar.extractfile(member)
                        assert data is not None  # a regular file, checked above
                        originals[name] = data.read()
    if missing := wanted - originals.keys():
        raise SystemExit(f"not found in the npm packages: {sorted(missing)}")
    return {name: originals[name] for files in PACKAGES.values() for name in files}


def subset_font(data: bytes, unicodes: list[int]) -> bytes:
    """``data`` reduced to ``unicodes``, as pyftsubset ``--layout-features='*' --flavor=woff2`` does.

    The other options keep fontTools' defaults: hinting stays, and glyphs,
    lookups and features are kept wherever the kept code points reach them.
    """
    options = subset.Options()
    options.layout_features = ["*"]
    options.flavor = "woff2"
    # fontTools' own loader and saver, as pyftsubset uses them: a plain TTFont()
    # would rewrite head.modified with the current time, so the bytes would
    # change at every run.
    font = subset.load_font(io.BytesIO(data), options, dontLoadGlyphNames=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped files differ from a fresh subset")
    args = parser.parse_args()
    unicodes = latin_range()
    stale = []
    for name, original in fetch_originals().items():
        new = subset_font(original, unicodes)
        target = FONTS / name
        current = target.read_bytes() if target.exists() else b""
        # Comparing bytes is enough: with head.modified kept (see subset_font) the
        # output is the same at every run for the pinned fontTools and brotli.
        if args.check:
            if current != new:
                stale.append(name)
            continue
        if current != new:
            target.write_bytes(new)
        print(f"{name}: {len(original):,} -> {len(new):,} bytes")
    if stale:
        print(f"stale in {FONTS.relative_to(ROOT)}: {', '.join(stale)}; run scripts/subset_fonts.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
