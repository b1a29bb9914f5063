#!/usr/bin/env python3
"""A class of N generated submissions for measuring `grader similarity` (docs/PERFORMANCE.md).

Each student's exercise is either the untouched stub or the student's own work: the skeleton of
the reference solution or of an alternative (tests/Grader.Tests/Alternatives, stored as edits of the
solution and made here with tools/solution_edits.py) - its usings, types,
fields and member signatures - with every method body written afresh, as long as the body it
replaces: random statements over the method's own locals, with arithmetic, Math calls and the
member names the exercise's code uses. A few students copy one exercise from another student's own
work and disguise it (locals renamed, comments added, blank lines changed; --copies). Seeded: the
same arguments give the same class.

Why bodies are written afresh: similarity erases names, literals, comments and layout, so a copy
of a solution with renamed locals and a few comments is the solution itself. Students who all hand
in one of three bases, disguised only that way, are copies of each other, and a correct report
names them (when fewer than 20 % hold a base) or drops the base as common code (when more do);
which of the two happens then turns on how the dice split the class (823 reported pairs against
130 for two classes of 200). The students' own code, by contrast, is random wherever similarity
looks - the operators, the calls, the shape of the statements - so only the planted copies share
more than chance. The code is for similarity only: it parses, it does not compile.

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

MATH = ["Abs", "Sqrt", "Exp", "Log", "Tanh", "Sin", "Cos", "Floor", "Ceiling", "Round", "Atan", "Cbrt", "Log10", "Sign"]
MATH2 = ["Max", "Min", "Pow", "Atan2", "IEEERemainder", "Log"]
OPS = ["+", "-", "*", "/", "%"]
COMPARE = ["<", ">", "<=", ">=", "==", "!="]
CONTROL = ("if", "for", "foreach", "while", "switch", "using", "lock", "catch", "else", "do", "return", "fixed", "try", "finally")
TYPE_WORDS = re.compile(r"\b(class|record|struct|interface|namespace|enum)\b")


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


class OwnCode:
    """Random statements: what one student might write where the base has a method body."""

    def __init__(self, rng, members):
        self.rng = rng
        self.members = members or ["Length"]

    def expression(self, names, depth=0):
        rng = self.rng
        kind = rng.random() if depth < 3 else 0.0
        if kind < 0.3:
            return rng.choice(names) if names and rng.random() < 0.7 else f"{rng.randint(0, 99)}.{rng.randint(0, 9)}"
        if kind < 0.5:
            return f"{self.expression(names, depth + 1)} {rng.choice(OPS)} {self.expression(names, depth + 1)}"
        if kind < 0.62:
            return f"Math.{rng.choice(MATH)}({self.expression(names, depth + 1)})"
        if kind < 0.7:
            return f"Math.{rng.choice(MATH2)}({self.expression(names, depth + 1)}, {self.expression(names, depth + 1)})"
        if kind < 0.8 and names:
            return f"{rng.choice(names)}.{rng.choice(self.members)}({self.expression(names, depth + 1)})"
        if kind < 0.88 and names:
            return f"{rng.choice(names)}[{self.expression(names, depth + 1)}]"
        if kind < 0.94:
            return f"({self.expression(names, depth + 1)})"
        return f"-{self.expression(names, depth + 1)}"

    def statement(self, names):
        rng = self.rng
        kind = rng.random()
        target = rng.choice(names) if names else None
        if target is None or kind < 0.35:
            name = f"v{len(names)}"
            line = f"var {name} = {self.expression(names)};"
            names.append(name)
            return line
        if kind < 0.55:
            return f"{target} {rng.choice(OPS[:4])}= {self.expression(names)};"
        if kind < 0.7:
            return f"{target} = {self.expression(names)};"
        if kind < 0.85:
            return (f"if ({self.expression(names, 1)} {rng.choice(COMPARE)} {self.expression(names, 1)}) "
                    f"{{ {target} = {self.expression(names, 1)}; }}")
        return (f"for (var k = 0; k < {self.expression(names, 2)}; k++) "
                f"{{ {target} {rng.choice(OPS[:4])}= {self.expression(names, 1)}; }}")

    def body(self, original, indent, parameters):
        """As many lines as the original body's non-blank ones, ending in a return when it does."""
        count = max(1, sum(1 for line in original if line.strip()))
        returns = any(re.match(r"\s*return\s+[^;]", line) for line in original)
        names = list(parameters)
        lines = [" " * indent + self.statement(names) for _ in range(count - (1 if returns else 0))]
        if returns:
            lines.append(" " * indent + f"return {self.expression(names)};")
        return lines


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def is_member_header(line):
    """A method, constructor or local function header that ends its line; not a statement or a type."""
    text = line.strip()
    first = re.split(r"[\s(]", text, maxsplit=1)[0]
    return text.endswith(")") and first not in CONTROL and not TYPE_WORDS.search(text) and not text.startswith(("//", "*", "["))


def parameters_of(header):
    """The parameter names of a member header: the word before each ',' or ')' of its parameter list."""
    inside = header[header.find("(") + 1:header.rfind(")")]
    return re.findall(r"(\w+)\s*(?:=[^,]*)?(?:,|$)", inside)


def own_work(text, own):
    """
    The file with every method body replaced by own code: block bodies (Allman braces, as the
    course writes them) and expression bodies (`) =>`, on the header's line or the next ones).
    """
    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        head, arrow, tail = line.partition(" =>")
        if arrow and head.rstrip().endswith(")") and is_member_header(head) and indent_of(line) <= 8:
            # Expression-bodied: the expression runs to the first line that ends with ';'.
            end = i
            while end < len(lines) and not lines[end].rstrip().endswith(";"):
                end += 1
            out.append(f"{head} => {own.expression(parameters_of(head))};")
            i = end + 1
            continue
        out.append(line)
        opens = i + 1 < len(lines) and lines[i + 1].strip() == "{"
        if opens and is_member_header(line):
            indent = indent_of(lines[i + 1])
            end = i + 2
            while end < len(lines) and not (lines[end].strip() == "}" and indent_of(lines[end]) == indent):
                end += 1
            out.append(lines[i + 1])
            out.extend(own.body(lines[i + 2:end], indent + 4, parameters_of(line)))
            if end < len(lines):
                out.append(lines[end])
            i = end + 1
            continue
        i += 1
    return "\n".join(out)


def members_of(text):
    """Member names the base calls (x.forward(...), Math.Exp(...)): the exercise's own vocabulary."""
    return sorted(set(re.findall(r"\.([A-Za-z_]\w*)\s*\(", text)))


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
    own_work_of = {exercise: [] for exercise in exercises}
    for s in range(args.students):
        student = out / f"student{s:04d}"
        for exercise in exercises:
            stub = rng.random() < 0.15
            source = ROOT / "exercises" / exercise if stub else rng.choice(bases(exercise, alternatives))
            target = student / exercise
            target.mkdir(parents=True)
            for file in sorted((ROOT / "exercises" / exercise).glob("*.cs")):
                chosen = source / file.name if (source / file.name).exists() else ROOT / "solutions" / exercise / file.name
                text = chosen.read_text()
                (target / file.name).write_text(text if stub else own_work(text, OwnCode(rng, members_of(text))))
            if not stub:
                own_work_of[exercise].append(s)
    for c in range(args.copies):
        exercise = rng.choice(exercises)
        original, copier = rng.sample(own_work_of[exercise], 2)
        source = out / f"student{original:04d}" / exercise
        target = out / f"student{copier:04d}" / exercise
        for file in sorted(source.glob("*.cs")):
            (target / file.name).write_text(disguise(file.read_text(), rng))
        print(f"planted: student{copier:04d} copies {exercise} from student{original:04d}")
    print(f"{args.students} students x {len(exercises)} exercises in {out}")


if __name__ == "__main__":
    main()
