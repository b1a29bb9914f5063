using System.Diagnostics;
using Autograder.Checks.Hidden.TrafficSigns;
using Autograder.Checks.TrafficSigns;
using Autograder.Grader.Checks;
using Autograder.Grader.Compile;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Policy;
using Autograder.Grader.Results;
using Autograder.Grader.Run;
using Autograder.Tools.SeedSweep;
using TorchSharp;

// Grades each submission's exercise once per seed, every check's seed replaced, and reports the
// worst measurement of every threshold over all submissions and seeds, and every failure.
var options = SweepOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(SweepOptions.Usage);
    return 2;
}

var root = CourseRoot.Find();
var catalog = CheckCatalog.FromAssemblies([typeof(TrafficSignChecks).Assembly, typeof(TrafficSignHiddenChecks).Assembly]);
torch.set_num_threads(1);
var failures = 0;
foreach (var exerciseId in options.Exercises)
{
    if (!catalog.TryGetExercise(exerciseId, out var exercise))
    {
        Console.Error.WriteLine($"unknown exercise {exerciseId}");
        return 2;
    }

    var submissions = options.Submissions.Count > 0 ? options.Submissions : CourseRoot.DefaultSubmissions(root, exerciseId);
    var checks = catalog.ChecksOf(exerciseId).Where(check => options.Checks.Count == 0 || options.Checks.Contains(check.Slug)).ToList();
    var table = new SweepTable();
    var clock = Stopwatch.StartNew();
    Console.WriteLine($"# {exerciseId}: {submissions.Count} submission(s) x {options.Seeds} seeds x {checks.Count} checks");
    foreach (var folder in submissions)
    {
        var name = StoredAlternatives.NameOf(root, folder);
        var files = SubmissionReader.Read(folder).Exercises.GetValueOrDefault(exerciseId);
        // Compiled once, with room to spare: the grader's 10-second compile limit is for learners'
        // code, and on a busy machine Roslyn alone can pass it, failing a seed as "does not compile".
        var compiled = files is { Count: > 0 }
            ? SubmissionCompiler.Compile($"Submission.{exerciseId}", files, new CompileLimits { TimeLimit = TimeSpan.FromMinutes(5) })
            : null;
        if (compiled is not CompileResult.Success success)
        {
            var errors = compiled is CompileResult.Failure failure ? string.Join("; ", failure.Errors.Take(3)) : "no files";
            Console.WriteLine($"FAIL {name}: does not compile: {errors}");
            failures++;
            continue;
        }

        var violations = ApiPolicy.Check(success.Compilation, exercise.Bans, exercise.BannedLiterals);
        if (violations.Count > 0)
        {
            Console.WriteLine($"FAIL {name}: refused by the API policy: {string.Join("; ", violations)}");
            failures++;
            continue;
        }

        for (var i = options.Skip; i < options.Seeds; i++)
        {
            var seeded = checks.Select(check => i == 0 ? check : check with { Seed = i }).ToList();
            // The sweep judges thresholds, not speed: a busy machine must not turn a slow run into a failure.
            using var runner = new InProcessRunner(new RunLimits { TimeLimit = TimeSpan.FromMinutes(10) });
            var results = runner.Run(exercise, success, seeded, null);
            foreach (var check in results)
            {
                table.Add(name, check);
                foreach (var m in check.Measurements)
                {
                    Console.WriteLine(FormattableString.Invariant(
                        $"MEASURE {name} seed {check.Seed} {check.Id} | {m.Name} | seen {m.Seen:G5} threshold {m.Threshold:G5} margin {m.Margin:G5}"));
                }

                if (check.Measurements.Count > 0 && check.Status is ResultStatus.Passed && (check.TeacherMessage ?? check.Message).Length > 0)
                {
                    // The passing message often breaks the measurement down (by kind of sentence, by class): keep it beside the numbers.
                    Console.WriteLine($"NOTE {name} seed {check.Seed} {check.Id}: {(check.TeacherMessage ?? check.Message).Split('\n')[0]}");
                }

                if (check.Status is not (ResultStatus.Passed or ResultStatus.Skipped))
                {
                    failures++;
                    Console.WriteLine($"FAIL {name} seed {check.Seed} {check.Id}: {(check.TeacherMessage ?? check.Message).Split('\n')[0]}");
                }
            }

            Console.Error.WriteLine($"  {name} seed {seeded[0].Seed}: {results.Count(check => check.Status is ResultStatus.Passed)}/{results.Count} checks passed ({clock.Elapsed.TotalSeconds:0} s)");
        }
    }

    Console.WriteLine();
    Console.WriteLine(table.Markdown());
    Console.WriteLine();
}

Console.WriteLine(failures == 0 ? "no failures" : $"{failures} failing (solution, seed, check)");
return failures == 0 ? 0 : 1;
