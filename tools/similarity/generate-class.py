#!/usr/bin/env python3
"""A class of N generated submissions for measuring `grader similarity` (docs/PERFORMANCE.md).

Each student's exercise is the reference solution, one of the alternatives
(tests/Grader.Tests/Alternatives) or the untouched stub, then disguised a little the way students
differ: locals renamed, comments added, blank lines and indentation changed. Seeded: the same
arguments give the same class.

    python3 tools/similarity/generate-class.py --students 200 --out /tmp/class200
"""
import argparse
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def bases(exercise):
    found = [ROOT / "solutions" / exercise]
    for alternative in sorted((ROOT / "tests/Grader.Tests/Alternatives").glob(f"*/{exercise}")):
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    exercises = sorted(p.name for p in (ROOT / "exercises").iterdir() if p.is_dir() and p.name[:2].isdigit())
    for s in range(args.students):
        student = out / f"student{s:04d}"
        for exercise in exercises:
            roll = rng.random()
            source = ROOT / "exercises" / exercise if roll < 0.15 else rng.choice(bases(exercise))
            target = student / exercise
            target.mkdir(parents=True)
            for file in sorted((ROOT / "exercises" / exercise).glob("*.cs")):
                chosen = source / file.name if (source / file.name).exists() else ROOT / "solutions" / exercise / file.name
                text = chosen.read_text()
                (target / file.name).write_text(text if source.parent.name == "exercises" else disguise(text, rng))
    print(f"{args.students} students x {len(exercises)} exercises in {out}")


if __name__ == "__main__":
    main()
