#!/usr/bin/env python3
"""Names the points and seed arguments at every check declaration, so that
`Exercise.Check("block-shape", "...", 1, 801, Run)` reads
`Exercise.Check("block-shape", "...", points: 1, seed: 801, Run)`.

    tools/named-check-arguments.py            # rewrite src/Checks and src/Checks.Hidden in place
    tools/named-check-arguments.py --check    # list the declarations it would change, change nothing

Mechanical and idempotent: re-run it after a merge that brings new declarations. It matches
`.Check(` with a string literal (plain or interpolated) for the slug and the name, then two
integer literals; anything else (already named, constants) is left alone.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
STRING = r'\$?"(?:[^"\\]|\\.)*"'
DECLARATION = re.compile(rf'(\.Check\(\s*{STRING},\s*{STRING},\s*)(\d+),\s*(-?\d+)(\s*,)')


def main(argv):
    check_only = "--check" in argv
    changed = 0
    for folder in ("src/Checks", "src/Checks.Hidden"):
        for path in sorted((ROOT / folder).rglob("*.cs")):
            if "/bin/" in str(path) or "/obj/" in str(path):
                continue
            text = path.read_text(encoding="utf-8")
            new, count = DECLARATION.subn(r"\1points: \2, seed: \3\4", text)
            if count:
                changed += count
                print(f"{path.relative_to(ROOT)}: {count}")
                if not check_only:
                    path.write_text(new, encoding="utf-8")
    print(f"{changed} declarations {'would be ' if check_only else ''}named")


if __name__ == "__main__":
    main(sys.argv[1:])
