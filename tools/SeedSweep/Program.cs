using System.Diagnostics;
using Autograder.Checks.Hidden.TrafficSigns;
using Autograder.Checks.TrafficSigns;
using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;
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
        var name = Path.GetRelativePath(root, Path.GetFullPath(folder));
        var files = SubmissionReader.Read(folder).Exercises.GetValueOrDefault(exerciseId);
        for (var i = 0; i < options.Seeds; i++)
        {
            var seeded = checks.Select(check => i == 0 ? check : check with { Seed = i }).ToList();
            // The sweep judges thresholds, not speed: a busy machine must not turn a slow run into a failure.
            using var runner = new InProcessRunner(new RunLimits { TimeLimit = TimeSpan.FromMinutes(10) });
            var result = ExerciseGrader.Grade(exercise, files, seeded, runner);
            foreach (var check in result.Checks)
            {
                table.Add(name, check);
                foreach (var m in check.Measurements)
                {
                    Console.WriteLine(FormattableString.Invariant(
                        $"MEASURE {name} seed {check.Seed} {check.Id} | {m.Name} | seen {m.Seen:G5} threshold {m.Threshold:G5} margin {m.Margin:G5}"));
                }

                if (check.Status is not (ResultStatus.Passed or ResultStatus.Skipped))
                {
                    failures++;
                    Console.WriteLine($"FAIL {name} seed {check.Seed} {check.Id}: {check.Message.Split('\n')[0]}");
                }
            }

            Console.Error.WriteLine($"  {name} seed {seeded[0].Seed}: {result.Score}/{result.MaxScore} ({clock.Elapsed.TotalSeconds:0} s)");
        }
    }

    Console.WriteLine();
    Console.WriteLine(table.Markdown());
    Console.WriteLine();
}

Console.WriteLine(failures == 0 ? "no failures" : $"{failures} failing (solution, seed, check)");
return failures == 0 ? 0 : 1;
