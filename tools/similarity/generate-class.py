#!/usr/bin/env python3
"""A class of N generated submissions for measuring `grader similarity` (docs/PERFORMANCE.md).

Each student's exercise is the reference solution, one of the alternatives
(tests/Grader.Tests/Alternatives, stored as edits of the solution and made here with
tools/solution_edits.py) or the untouched stub, then disguised a little the way students
differ (locals renamed, comments added, blank lines changed) and given a helper of the student's
own (random statements), so that students' work is not all alike. A few students copy one
exercise from another and rename it (--copies). Seeded: the same arguments give the same class.

    python3 tools/similarity/generate-class.py --students 200 --out /tmp/class200
"""
import argparse
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import solution_edits  # noqa: E402


def made_alternatives(into):
    """Every alternative made into into/<name>/NN-exercise/ from its edits of solutions/."""
    for folder in sorted((ROOT / "tests/Grader.Tests/Alternatives").glob(f"*/{solution_edits.EDITS_NAME}")):
        solution_edits.materialise(folder, ROOT / "solutions", into=into / folder.parent.name)
    return into


def bases(exercise, alternatives):
    found = [ROOT / "solutions" / exercise]
    for alternative in sorted(alternatives.glob(f"*/{exercise}")):
        found.append(alternative)
    return found


def disguise(text, rng):
    names = sorted(set(re.findall(r"\bvar\s+([a-z]\w*)", text)))
    for name in rng.sample(names, k=min(len(names), rng.randint(0, 4))):
        text = re.sub(rf"\b{name}\b", name + rng.choice(["Value", "Tmp", "2", "Local"]), text)
    lines = []
    for line in text.split("\n"):
        if rng.random() < 0.05:
            lines.append("        // " + rng.choice(["step", "TODO tidy", "see slides", "as in class"]))
        if line.strip() == "" and rng.random() < 0.3:
            continue
        lines.append(line)
    return "\n".join(lines)


def helper(rng):
    """A method of random loops, branches and arithmetic: code only this student wrote."""
    ops = ["+", "-", "*", "/"]
    lines = ["    internal static double OwnHelper(double[] values)", "    {", "        var total = 0.0;"]
    for i in range(rng.randint(4, 9)):
        kind = rng.random()
        expr = f"values[{rng.randint(0, 3)}] {rng.choice(ops)} {rng.randint(1, 9)}.0"
        if kind < 0.3:
            lines.append(f"        for (var i{i} = 0; i{i} < values.Length; i{i}++) {{ total {rng.choice(ops)}= values[i{i}] {rng.choice(ops)} {expr}; }}")
        elif kind < 0.6:
            lines.append(f"        if (total {rng.choice(['<', '>', '<=', '>='])} {expr}) {{ total = Math.{rng.choice(['Max', 'Min'])}(total, {expr}); }}")
        else:
            lines.append(f"        total = Math.{rng.choice(['Abs', 'Sqrt', 'Exp', 'Tanh'])}(total {rng.choice(ops)} {expr});")
    lines += ["        return total;", "    }"]
    return "\n".join(lines)


def with_helper(text, rng):
    # Into the first class body; a file without one is left as it is.
    match = re.search(r"\bclass\s+\w+[^{]*\{", text)
    return text if match is None else text[: match.end()] + "\n" + helper(rng) + "\n" + text[match.end():]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--copies", type=int, default=10, help="students who copy one exercise from another")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    exercises = sorted(p.name for p in (ROOT / "exercises").iterdir() if p.is_dir() and p.name[:2].isdigit())
    with tempfile.TemporaryDirectory(prefix="autograder-alternatives-") as made:
        generate(args, rng, out, exercises, made_alternatives(Path(made)))


def generate(args, rng, out, exercises, alternatives):
    for s in range(args.students):
        student = out / f"student{s:04d}"
        for exercise in exercises:
            roll = rng.random()
            source = ROOT / "exercises" / exercise if roll < 0.15 else rng.choice(bases(exercise, alternatives))
            target = student / exercise
            target.mkdir(parents=True)
            for file in sorted((ROOT / "exercises" / exercise).glob("*.cs")):
                chosen = source / file.name if (source / file.name).exists() else ROOT / "solutions" / exercise / file.name
                text = chosen.read_text()
                if source.parent.name != "exercises":
                    text = disguise(text, rng)
                    if file == sorted((ROOT / "exercises" / exercise).glob("*.cs"))[0]:
                        text = with_helper(text, rng)
                (target / file.name).write_text(text)
    for c in range(args.copies):
        original, copier = rng.sample(range(args.students), 2)
        exercise = rng.choice(exercises)
        source = out / f"student{original:04d}" / exercise
        target = out / f"student{copier:04d}" / exercise
        for file in sorted(source.glob("*.cs")):
            (target / file.name).write_text(disguise(file.read_text(), rng))
        print(f"planted: student{copier:04d} copies {exercise} from student{original:04d}")
    print(f"{args.students} students x {len(exercises)} exercises in {out}")


if __name__ == "__main__":
    main()
