"""Reads and applies mistake.txt: a submission stored as edits of the reference solution.

The same format and rules as src/Authoring/Fixtures/SolutionEdits.cs, which the tests use; the
tools (scenario-edits.py, similarity/generate-class.py) use this copy so that they need no build.
Change both together.

    python3 tools/solution_edits.py tests/Grader.Tests/Cheats/NAME /tmp/out   # then grader grade /tmp/out

    file: NN-name/File.cs          the edits below change this solution file
    <<<<<<< find                   whole lines; they must stand once in the file
    ....... through                (optional) elides the middle: the find runs from the lines
                                   above to the first place the lines below stand after them
    =======
    >>>>>>> replace
    delete: NN-name/File.cs        the solution file is left out
    add: NN-name/File.cs           a file the solution has not (after any delete), its text in
    <<<<<<< add                    one block
    >>>>>>> add
"""
import pathlib
import shutil
import tempfile

EDITS_NAME = "mistake.txt"
FIND, THROUGH, WITH, END = "<<<<<<< find", "....... through", "=======", ">>>>>>> replace"
ADD, ADD_END = "<<<<<<< add", ">>>>>>> add"


class EditError(ValueError):
    pass


def line_starts(text, needle, start=0):
    """Offsets at or after start where needle (whole lines) stands at the start of a line."""
    found, at = [], text.find(needle, start)
    while at >= 0:
        if at == 0 or text[at - 1] == "\n":
            found.append(at)
        at = text.find(needle, at + 1)
    return found


def span(text, head, tail):
    """(start, end) of the find in text; tail None means the find is head alone."""
    heads = line_starts(text, head)
    if len(heads) != 1:
        raise EditError(f"its find stands {len(heads)} times in the solution file (it must stand once): {head[:120]!r}")
    start = heads[0]
    if tail is None:
        return start, start + len(head)
    tails = line_starts(text, tail, start + len(head))
    if not tails:
        raise EditError(f"the end of its find no longer follows its start in the solution file: {tail[:120]!r}")
    return start, tails[0] + len(tail)


def parse(path):
    """[(kind, file, head, tail, text, line)]: kind is edit, delete or add."""
    lines = pathlib.Path(path).read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    edits, file, i = [], None, 0

    def block(ends):
        nonlocal i
        out = []
        i += 1
        while i < len(lines) and lines[i] not in ends:
            out.append(lines[i] + "\n")
            i += 1
        if i >= len(lines):
            raise EditError(f"{path}: a block is not closed by {' or '.join(ends)}")
        return "".join(out)

    while i < len(lines):
        line, start = lines[i], i + 1
        if line.startswith("file:"):
            file = line[5:].strip()
        elif line.startswith("delete:"):
            edits.append(("delete", line[7:].strip(), None, None, None, start))
        elif line.startswith("add:"):
            i += 1
            if i >= len(lines) or lines[i] != ADD:
                raise EditError(f"{path}:{start}: `add:` is followed by `{ADD}`")
            edits.append(("add", line[4:].strip(), None, None, block([ADD_END]), start))
        elif line == FIND:
            if file is None:
                raise EditError(f"{path}:{start}: an edit before any `file:` line")
            head = block([THROUGH, WITH])
            tail = block([WITH]) if lines[i] == THROUGH else None
            edits.append(("edit", file, head, tail, block([END]), start))
        elif line and not line.startswith("#"):
            raise EditError(f"{path}:{start}: unexpected line: {line}")
        i += 1
    if not edits:
        raise EditError(f"{path} holds no edits")
    return edits


def apply_to(files, edits, where):
    """files: {relative path: text}, changed in place."""
    for kind, file, head, tail, text, line in edits:
        at = f"{where}: line {line} of {EDITS_NAME} ({kind} {file})"
        if kind == "delete":
            if files.pop(file, None) is None:
                raise EditError(f"{at}: the solution has no such file")
        elif kind == "add":
            if file in files:
                raise EditError(f"{at}: the solution already has this file (delete it first)")
            files[file] = text
        else:
            if file not in files:
                raise EditError(f"{at}: the solution has no such file")
            try:
                start, end = span(files[file], head, tail)
            except EditError as error:
                raise EditError(f"{at}: {error}") from None
            files[file] = files[file][:start] + text + files[file][end:]
    return files


def exercises_of(edits):
    return sorted({file.split("/")[0] for _, file, *_ in edits})


def materialise(edits_path, solutions, into=None):
    """Writes the edited exercises into a new folder (or into) and returns it."""
    edits = parse(edits_path)
    solutions = pathlib.Path(solutions)
    files = {}
    for exercise in exercises_of(edits):
        folder = solutions / exercise
        if not folder.is_dir():
            raise EditError(f"{edits_path} edits {exercise}/, but {folder} does not exist")
        for source in sorted(folder.rglob("*.cs")):
            files[f"{exercise}/{source.relative_to(folder).as_posix()}"] = source.read_text(encoding="utf-8")
    apply_to(files, edits, pathlib.Path(edits_path).parent.name)
    root = pathlib.Path(into) if into else pathlib.Path(tempfile.mkdtemp(prefix="autograder-edits-"))
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    return root


def remove(root):
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 3:
        raise SystemExit("solution_edits.py FOLDER OUT: writes the submission FOLDER/mistake.txt stores into OUT")
    root = pathlib.Path(__file__).resolve().parent.parent
    print(materialise(pathlib.Path(sys.argv[1]) / EDITS_NAME, root / "solutions", into=sys.argv[2]))
