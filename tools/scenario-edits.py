#!/usr/bin/env python3
"""Turns a copied submission into the edits that make it from the reference solution.

A golden scenario, cheat or alternative under tests/Grader.Tests used to be a whole copy of
solutions/NN-name with one mistake in it; the copies drifted from the solution they were made
from. This script writes the difference alone, as mistake.txt (format: tools/solution_edits.py
and src/Authoring/Fixtures/SolutionEdits.cs, which applies it at test time), checks that applying
it gives back the copy byte for byte, and removes the copied files.

    tools/scenario-edits.py tests/Grader.Tests/Scenarios/*/          # a scenario: submission/NN-name/
    tools/scenario-edits.py tests/Grader.Tests/Alternatives/*/       # or NN-name/ directly
    tools/scenario-edits.py --check tests/Grader.Tests/Cheats/*/     # only report, change nothing
    tools/scenario-edits.py --again tests/Grader.Tests/*/*/          # rewrite stored edits (same result)

No mistake.txt repeats the solution: a long find keeps only its first and last lines (the middle
is elided with `....... through`), and a file rewritten for the most part is a few such long
edits (changes up to four lines apart taken together). Files the copy adds or leaves out become `add:` and `delete:`. The
longest run of solution lines a stored file still repeats is printed (the tests refuse six).
Folders already converted are skipped, unless --again.
"""
import difflib
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import solution_edits as se  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
# A file that keeps less than this share of its solution's lines is stored as few long edits.
REWRITTEN = 0.35
# Anchors longer than this are not worth eliding between.
ANCHOR = 3


def read(path):
    return path.read_bytes().decode("utf-8")


def hunks(old, new, gap):
    """(old_from, old_to, new_from, new_to) of each change, changes at most gap lines apart merged."""
    ops = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    merged = []
    for _, a1, a2, b1, b2 in ops:
        if merged and a1 - merged[-1][1] <= gap:
            merged[-1] = (merged[-1][0], a2, merged[-1][2], b2)
        else:
            merged.append((a1, a2, b1, b2))
    return merged


def offset(lines, index):
    return sum(len(line) for line in lines[:index])


def elide(text, lines, c1, c2):
    """(head, tail) for the find lines[c1:c2] of text: tail None when it is kept whole."""
    find = "".join(lines[c1:c2])
    for h in range(1, ANCHOR + 1):
        head = "".join(lines[c1:c1 + h])
        if not head.strip() or len(se.line_starts(text, head)) != 1:
            continue
        for t in range(1, ANCHOR + 1):
            if h + t >= c2 - c1:
                return find, None
            tail = "".join(lines[c2 - t:c2])
            if not tail.strip():
                continue
            ends = se.line_starts(text, tail, offset(lines, c1 + h))
            if ends and ends[0] + len(tail) == offset(lines, c2):
                return head, tail
        break
    return find, None


def edits_for(old_text, new_text, where, rewritten=False):
    """Edits in file order; each find is sought in the file as the edits before it left it.
    A file rewritten for the most part gets fewer, longer edits: its few kept lines between."""
    old = old_text.splitlines(keepends=True)
    new = new_text.splitlines(keepends=True)
    if not old_text.endswith("\n") or not new_text.endswith("\n"):
        raise SystemExit(f"{where}: a file that does not end in a new line; add one")
    pending = hunks(old, new, 4 if rewritten else 2)
    current, delta, result = list(old), 0, []
    while pending:
        a1, a2, b1, b2 = pending.pop(0)
        # Widen with unchanged lines on both sides until the find is not blank and stands once;
        # a widening that reaches the next change takes it in.
        while True:
            find = "".join(current[a1 + delta:a2 + delta])
            text = "".join(current)
            if find.strip() and len(se.line_starts(text, find)) == 1:
                break
            if a1 + delta == 0 and a2 == len(old):
                break
            if a1 + delta > 0:
                a1, b1 = a1 - 1, b1 - 1
            if a2 < len(old):
                a2, b2 = a2 + 1, b2 + 1
                while pending and pending[0][0] < a2:
                    _, a2, _, b2 = pending.pop(0)
        c1, c2 = a1 + delta, a2 + delta
        head, tail = elide("".join(current), current, c1, c2)
        result.append(("edit", where, head, tail, "".join(new[b1:b2]), 0))
        current[c1:c2] = new[b1:b2]
        delta = b2 - a2
    return result


def kept_share(old_text, new_text):
    old, new = old_text.splitlines(), new_text.splitlines()
    same = sum(block.size for block in difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks())
    return same / max(1, len(old))


def longest_repeat(stored, solution_lines):
    """The longest run of consecutive stored lines that stands, in that order, in a solution file."""
    best = 0
    lines = [line.strip() for line in stored.splitlines()]
    for lines_of_file in solution_lines:
        where = {}
        for j, line in enumerate(lines_of_file):
            where.setdefault(line, []).append(j)
        previous = {}
        for line in lines:
            current = {}
            if line:
                for j in where.get(line, []):
                    current[j] = previous.get(j - 1, 0) + 1
                    best = max(best, current[j])
            else:
                current = {j + 1: n for j, n in previous.items()}  # blank lines neither count nor break
            previous = current
    return best


def render(comment_lines, edits):
    out = list(comment_lines)
    current = None
    for kind, file, head, tail, text, _ in edits:
        if kind == "delete":
            out.append(f"delete: {file}\n")
            current = None
        elif kind == "add":
            out += [f"add: {file}\n", se.ADD + "\n", text, se.ADD_END + "\n"]
            current = None
        else:
            if file != current:
                out.append(f"file: {file}\n")
                current = file
            out += [se.FIND + "\n", head]
            if tail is not None:
                out += [se.THROUGH + "\n", tail]
            out += [se.WITH + "\n", text, se.END + "\n"]
    return "".join(out)


def convert(folder, check_only, again=False):
    if again and (folder / se.EDITS_NAME).exists():
        # Written again in today's form: materialised into the folder, then converted as a copy.
        se.materialise(folder / se.EDITS_NAME, SOLUTIONS, into=folder)
        (folder / se.EDITS_NAME).unlink()
    submission = folder / "submission" if (folder / "submission").is_dir() else folder
    copies = sorted(p for p in submission.glob("[0-9][0-9]-*") if p.is_dir())
    if (folder / se.EDITS_NAME).exists() or not copies:
        return f"skip {folder.name}: already edits, or no copy"
    edits, originals, wanted = [], {}, {}
    for exercise in copies:
        solution = SOLUTIONS / exercise.name
        mine = {p.relative_to(exercise).as_posix() for p in exercise.rglob("*.cs")}
        theirs = {p.relative_to(solution).as_posix() for p in solution.rglob("*.cs")}
        for relative in sorted(theirs):
            originals[f"{exercise.name}/{relative}"] = read(solution / relative)
        for relative in sorted(mine):
            wanted[f"{exercise.name}/{relative}"] = read(exercise / relative)
        for relative in sorted(mine | theirs):
            name = f"{exercise.name}/{relative}"
            if relative not in mine:
                edits.append(("delete", name, None, None, None, 0))
                continue
            new_text = wanted[name]
            if relative not in theirs:
                edits.append(("add", name, None, None, new_text, 0))
                continue
            old_text = originals[name]
            if old_text == new_text:
                continue
            edits += edits_for(old_text, new_text, name, rewritten=kept_share(old_text, new_text) < REWRITTEN)
    if not edits:
        return f"left {folder.name}: identical to the solution, nothing to store"
    result = se.apply_to(dict(originals), edits, folder.name)
    if result != wanted:
        differ = sorted(name for name in set(result) | set(wanted) if result.get(name) != wanted.get(name))
        return f"left {folder.name}: edits do not give back {differ}"
    comment = [
        "# Edits applied to a fresh copy of solutions/ at test time (format: src/Authoring/Fixtures/SolutionEdits.cs).\n",
        "# Each find must stand exactly once in the solution file, at the start of a line.\n",
    ]
    text = render(comment, edits)
    repeat = longest_repeat(text, [[line.strip() for line in original.splitlines()] for original in originals.values()])
    if not check_only:
        path = folder / se.EDITS_NAME
        path.write_bytes(text.encode("utf-8"))
        # The round trip once more, through the file as written.
        if se.apply_to(dict(originals), se.parse(path), folder.name) != wanted:
            path.unlink()
            return f"left {folder.name}: the written file does not give back the copy"
        for exercise in copies:
            for p in sorted(exercise.rglob("*"), reverse=True):
                p.unlink() if p.is_file() else p.rmdir()
            exercise.rmdir()
        if submission != folder and not any(submission.iterdir()):
            submission.rmdir()
    lines = text.count("\n") - len(comment)
    return f"{'would convert' if check_only else 'converted'} {folder.name}: {len(edits)} edit(s), {lines} lines, longest solution run {repeat}"


def main(argv):
    check_only, again = "--check" in argv, "--again" in argv
    folders = [pathlib.Path(a) for a in argv if not a.startswith("--")]
    if not folders or (check_only and again):
        raise SystemExit(__doc__)
    for folder in folders:
        print(convert(folder.resolve(), check_only, again))


if __name__ == "__main__":
    main(sys.argv[1:])
