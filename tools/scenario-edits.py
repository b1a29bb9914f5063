#!/usr/bin/env python3
"""Turns a copied submission into the edits that make it from the reference solution.

A golden scenario, cheat or alternative under tests/Grader.Tests used to be a whole copy of
solutions/NN-name with one mistake in it; the copies drifted from the solution they were made
from. This script writes the mistake alone, as a file of find/replace edits on the solution
(format: tests/Grader.Tests/Support/SolutionEdits.cs, which applies them at test time), checks
that applying the edits gives back the copy byte for byte, and removes the copied files.

    tools/scenario-edits.py tests/Grader.Tests/Scenarios/*/      # a scenario: submission/NN-name/
    tools/scenario-edits.py --check tests/Grader.Tests/Scenarios/*/   # only report, change nothing

A folder whose copy does not hold every .cs file of the solution, or holds one the solution has
not, is left alone and named (the edits only change text inside existing files). Run it again
after a merge that brings new full-copy scenarios; folders already converted are skipped.
"""
import difflib
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
EDITS_NAME = "mistake.txt"
FIND, WITH, END = "<<<<<<< find", "=======", ">>>>>>> replace"


def starts(text, lines):
    """Offsets where `lines` (whole lines) stand in `text`, at line starts only."""
    needle = "".join(lines)
    found, at = [], text.find(needle)
    while at >= 0:
        if at == 0 or text[at - 1] == "\n":
            found.append(at)
        at = text.find(needle, at + 1)
    return found


def hunks(old, new):
    """(old_from, old_to, new_from, new_to) of each change, near changes merged."""
    ops = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    merged = []
    for _, a1, a2, b1, b2 in ops:
        if merged and a1 - merged[-1][1] <= 2:
            merged[-1] = (merged[-1][0], a2, merged[-1][2], b2)
        else:
            merged.append((a1, a2, b1, b2))
    return merged


def edits_for(old_text, new_text, where):
    old = old_text.splitlines(keepends=True)
    new = new_text.splitlines(keepends=True)
    if not old_text.endswith("\n") or not new_text.endswith("\n"):
        raise SystemExit(f"{where}: a file that does not end in a new line; add one")
    result = []
    for a1, a2, b1, b2 in hunks(old, new):
        # Widen with unchanged lines on both sides until the find text is not empty and stands once.
        while True:
            find = old[a1:a2]
            blank = all(not line.strip() for line in find)
            if find and not blank and len(starts(old_text, find)) == 1:
                break
            if a1 > 0:
                a1, b1 = a1 - 1, b1 - 1
            if a2 < len(old):
                a2, b2 = a2 + 1, b2 + 1
            if a1 == 0 and a2 == len(old):
                break
        result.append((old[a1:a2], new[b1:b2]))
    return result


def render(comment_lines, files):
    out = list(comment_lines)
    for name, edits in files:
        out.append(f"file: {name}\n")
        for find, replace in edits:
            out += [FIND + "\n", *find, WITH + "\n", *replace, END + "\n"]
    return "".join(out)


def apply(text, edits):
    for find, replace in edits:
        at = starts(text, find)
        if len(at) != 1:
            raise ValueError(f"find stands {len(at)} times: {''.join(find)[:80]!r}")
        text = text[: at[0]] + "".join(replace) + text[at[0] + len("".join(find)):]
    return text


def convert(folder, check_only):
    submission = folder / "submission" if (folder / "submission").is_dir() else folder
    copies = sorted(p for p in submission.glob("[0-9][0-9]-*") if p.is_dir())
    if (folder / EDITS_NAME).exists() or not copies:
        return f"skip {folder.name}: already edits, or no copy"
    files = []
    for exercise in copies:
        solution = SOLUTIONS / exercise.name
        mine = sorted(p.relative_to(exercise) for p in exercise.rglob("*.cs"))
        theirs = sorted(p.relative_to(solution) for p in solution.rglob("*.cs"))
        if mine != theirs:
            return f"left {folder.name}: {exercise.name} holds other files than the solution ({mine} vs {theirs})"
        for relative in mine:
            old_text = (solution / relative).read_text(encoding="utf-8")
            new_text = (exercise / relative).read_text(encoding="utf-8")
            if old_text == new_text:
                continue
            name = f"{exercise.name}/{relative.as_posix()}"
            edits = edits_for(old_text, new_text, name)
            if apply(old_text, edits) != new_text:
                return f"left {folder.name}: edits do not give back {name}"
            files.append((name, edits))
    if not files:
        return f"left {folder.name}: identical to the solution, nothing to store"
    comment = [
        "# Edits applied to a fresh copy of solutions/ at test time (see Support/SolutionEdits.cs).\n",
        "# Each find must stand exactly once in the solution file, at the start of a line.\n",
    ]
    if not check_only:
        (folder / EDITS_NAME).write_text(render(comment, files), encoding="utf-8")
        for exercise in copies:
            for path in sorted(exercise.rglob("*"), reverse=True):
                path.unlink() if path.is_file() else path.rmdir()
            exercise.rmdir()
        if submission != folder and not any(submission.iterdir()):
            submission.rmdir()
    lines = sum(len(f) + len(r) for _, edits in files for f, r in edits)
    return f"{'would convert' if check_only else 'converted'} {folder.name}: {len(files)} file(s), {lines} edit lines"


def main(argv):
    check_only = "--check" in argv
    folders = [pathlib.Path(a) for a in argv if a != "--check"]
    if not folders:
        raise SystemExit(__doc__)
    for folder in folders:
        print(convert(folder.resolve(), check_only))


if __name__ == "__main__":
    main(sys.argv[1:])
