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

// Grades each submission's exercise once per seed (and per layer creation order, with --orders),
// every check's seed replaced, and reports the worst measurement of every threshold over all
// submissions, seeds and orders, and every failure.
var options = SweepOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(SweepOptions.Usage);
    return 2;
}

var root = CourseRoot.Find();
var catalog = CheckCatalog.FromAssemblies([typeof(TrafficSignChecks).Assembly, typeof(TrafficSignHiddenChecks).Assembly]);
torch.set_num_threads(1);
var failures = new SweepFailures();
foreach (var exerciseId in options.Exercises)
{
    if (!catalog.TryGetExercise(exerciseId, out var exercise))
    {
        Console.Error.WriteLine($"unknown exercise {exerciseId}");
        return 2;
    }

    var submissions = options.Submissions.Count > 0 ? options.Submissions : CourseRoot.DefaultSubmissions(root, exerciseId);
    var checks = catalog.ChecksOf(exerciseId).Where(check => options.Checks.Count == 0 || options.Checks.Contains(check.Slug)).ToList();
    if (checks.Count == 0)
    {
        Console.Error.WriteLine($"{exerciseId} has no check named {string.Join(" or ", options.Checks)}");
        return 2;
    }

    var table = new SweepTable();
    var clock = Stopwatch.StartNew();
    Console.WriteLine($"# {exerciseId}: {submissions.Count} submission(s) x {options.Seeds} seeds x {checks.Count} checks x up to {options.Orders} creation order(s)");
    foreach (var folder in submissions)
    {
        var name = StoredAlternatives.NameOf(root, folder);
        var files = SubmissionReader.Read(folder).Exercises.GetValueOrDefault(exerciseId);
        if (CompileForSweep(files) is not { } written)
        {
            continue;
        }

        IReadOnlyList<CreationOrder> orders = options.Orders == 1 ? [CreationOrders.AsWritten(files!)] : CreationOrders.Variants(written.Compilation, files!, options.Orders, options.OrderSeed);
        var runnable = new List<(string? Label, CompileResult.Success Compiled)>();
        foreach (var order in orders)
        {
            var label = options.Orders == 1 ? null : order.Label;
            if (label is not null)
            {
                Console.WriteLine($"# {name} {label}");
            }

            if ((order.Number == 1 ? written : CompileForSweep(order.Files, label)) is { } compiled)
            {
                runnable.Add((label, compiled));
            }
        }

        for (var i = options.Skip; i < options.Seeds && !options.ListOrders; i++)
        {
            var seeded = checks.Select(check => i == 0 ? check : check with { Seed = i }).ToList();
            foreach (var (label, compiled) in runnable)
            {
                // The sweep judges thresholds, not speed: a busy machine must not turn a slow run into a failure.
                using var runner = new InProcessRunner(new RunLimits { TimeLimit = TimeSpan.FromMinutes(10) });
                var results = runner.Run(exercise, compiled, seeded, null);
                var where = label is null ? $"{name} seed {seeded[0].Seed}" : $"{name} seed {seeded[0].Seed} [{label}]";
                foreach (var check in results)
                {
                    table.Add(name, label, check);
                    foreach (var m in check.Measurements)
                    {
                        Console.WriteLine(FormattableString.Invariant(
                            $"MEASURE {where} {check.Id} | {m.Name} | seen {m.Seen:G5} threshold {m.Threshold:G5} margin {m.Margin:G5}"));
                    }

                    if (check.Measurements.Count > 0 && check.Status is ResultStatus.Passed && (check.TeacherMessage ?? check.Message).Length > 0)
                    {
                        // The passing message often breaks the measurement down (by kind of sentence, by class): keep it beside the numbers.
                        Console.WriteLine($"NOTE {where} {check.Id}: {(check.TeacherMessage ?? check.Message).Split('\n')[0]}");
                    }

                    if (check.Status is not (ResultStatus.Passed or ResultStatus.Skipped))
                    {
                        var message = (check.TeacherMessage ?? check.Message).Split('\n')[0];
                        failures.Add(name, check.Seed, label, $"{check.Id}: {message}");
                        Console.WriteLine($"FAIL {where} {check.Id}: {message}");
                    }
                }

                Console.Error.WriteLine($"  {where}: {results.Count(check => check.Status is ResultStatus.Passed)}/{results.Count} checks passed ({clock.Elapsed.TotalSeconds:0} s)");
            }
        }

        // Compiled with room to spare: the grader's 10-second compile limit is for learners'
        // code, and on a busy machine Roslyn alone can pass it, failing a seed as "does not compile".
        CompileResult.Success? CompileForSweep(IReadOnlyList<SourceFile>? source, string? label = null)
        {
            var compiled = source is { Count: > 0 }
                ? SubmissionCompiler.Compile($"Submission.{exerciseId}", source, new CompileLimits { TimeLimit = TimeSpan.FromMinutes(5) }, exercise.Usings)
                : null;
            var where = label is null ? name : $"{name} [{label}]";
            if (compiled is not CompileResult.Success success)
            {
                var errors = compiled is CompileResult.Failure failure ? string.Join("; ", failure.Errors.Take(3)) : "no files";
                failures.Add(name, null, label, $"does not compile: {errors}");
                Console.WriteLine($"FAIL {where}: does not compile: {errors}");
                return null;
            }

            var violations = ApiPolicy.Check(success.Compilation, exercise.Bans, exercise.BannedLiterals);
            if (violations.Count > 0)
            {
                failures.Add(name, null, label, $"refused by the API policy: {string.Join("; ", violations)}");
                Console.WriteLine($"FAIL {where}: refused by the API policy: {string.Join("; ", violations)}");
                return null;
            }

            return success;
        }
    }

    Console.WriteLine();
    Console.WriteLine(table.Markdown());
    Console.WriteLine();
}

Console.WriteLine(failures.Summary());
return failures.Count == 0 ? 0 : 1;
