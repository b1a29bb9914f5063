#!/usr/bin/env python3
"""Save-to-report time of `grader watch` for one exercise, measured from outside.

Starts `grader watch <copy> --exercise ID --json out.json` on a copy of the exercise's stub, then
saves the solution and the stub in turn the way editors do (a temporary file renamed over the
real one) and times each save until the new JSON result is in place (written right after the
report is redrawn). Usage: measure.py [ROUNDS] [EXERCISE]   (from the course root, after a build)
"""
import json, os, shutil, subprocess, sys, tempfile, time, signal

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
exercise = sys.argv[2] if len(sys.argv) > 2 else "01-perceptron"
grader = os.path.join("src", "Grader.Cli", "bin", "Debug", "net10.0", "grader.dll")
work = tempfile.mkdtemp(prefix="watch-timing-")
folder = os.path.join(work, "exercises", exercise)
shutil.copytree(os.path.join("exercises", exercise), folder)
files = [name for name in os.listdir(folder) if name.endswith(".cs")]
texts = {which: {name: open(os.path.join(which, exercise, name)).read() for name in files} for which in ("solutions", "exercises")}
out = os.path.join(work, "out.json")

def result():
    try:
        with open(out) as handle:
            return handle.read()
    except FileNotFoundError:
        return None

watch = subprocess.Popen(["dotnet", grader, "watch", os.path.join(work, "exercises"), "--exercise", exercise, "--json", out],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
start = time.monotonic()
while result() is None:
    time.sleep(0.01)
print(f"first report (start-up, cold compile and worker): {time.monotonic() - start:.2f} s")
time.sleep(2)  # the next worker, started in advance, gets ready

times = []
for round in range(rounds):
    which = "solutions" if round % 2 == 0 else "exercises"
    before = result()
    saved = time.monotonic()
    for name, text in texts[which].items():
        temporary = os.path.join(folder, f".{name}.tmp")
        with open(temporary, "w") as handle:
            handle.write(text)
        os.replace(temporary, os.path.join(folder, name))
    while result() == before:
        time.sleep(0.002)
    took = time.monotonic() - saved
    score = json.loads(result())["score"]
    times.append(took)
    print(f"save {round + 1:2} ({which:9}): {took:.3f} s, score {score}")
    time.sleep(2)

watch.send_signal(signal.SIGINT)
code = watch.wait(timeout=30)
times.sort()
print(f"median {times[len(times) // 2]:.3f} s, min {times[0]:.3f} s, max {times[-1]:.3f} s over {len(times)} saves; "
      f"watch exited with {code} after Ctrl-C")
shutil.rmtree(work)
