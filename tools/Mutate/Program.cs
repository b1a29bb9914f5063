using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Run;
using Autograder.Tools.Mutate;

// dotnet run --project tools/Mutate -c Release -- [--exercise ID]... [--max N [--rest]] [--mutant ID]... [--jobs J]
//     [--solutions DIR] [--equivalent FILE] [--survivors FILE] [--course-secret FILE]
// Grades every mutant of the reference solutions (each stops at its first failing check, the
// checks cheapest first) and prints, per exercise, how many were
// stillborn, killed, killed by time-out, survived or marked equivalent, then the survivors.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

var root = CourseSecret.FindCourseRoot() ?? throw new InvalidOperationException("run this inside the course (no Autograder.sln found above).");
var catalog = CheckCatalog.FromBaseDirectory();
var seeds = new SeedResolver(CourseSecret.ForThisCourse(options.CourseSecret));
var submission = SubmissionReader.Read(Path.Combine(root, options.Solutions));
var equivalent = Equivalents.Read(Path.Combine(root, options.EquivalentFile));
var limits = RunLimits.Default with { TimeLimit = options.TimeLimit };
var exercises = options.Exercises.Count > 0 ? options.Exercises : [.. catalog.Exercises.Select(exercise => exercise.Id)];
var summary = new List<string>
{
    "| exercise | mutants | stillborn | killed | killed by time-out | survived | equivalent | kill rate | minutes |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
};
var survivors = new StringBuilder();

foreach (var id in exercises)
{
    if (!catalog.TryGetExercise(id, out var exercise) || !submission.Exercises.TryGetValue(id, out var files))
    {
        Console.Error.WriteLine($"mutate: no exercise {id} in the catalog or in {options.Solutions}/.");
        return 2;
    }

    var clock = Stopwatch.StartNew();
    var all = files.SelectMany(MutantGenerator.Of).ToList();
    var mutants = options.Mutants.Count > 0
        ? [.. all.Where(mutant => options.Mutants.Contains(mutant.Id))]
        : Sample(all, options.Max, options.Rest);
    Console.Error.WriteLine($"{id}: {all.Count} mutants, grading {mutants.Count} with {options.Jobs} job(s), time limit {RunLimits.Describe(limits.TimeLimitFor(exercise.Budget))}");

    // The reference, graded in full once: it must score full marks, and how long each check took
    // on it sets the order for the mutants, cheapest first, so that most die in the first seconds.
    List<CheckDefinition> checks;
    using (var baseline = new MutantGrader(exercise, [.. catalog.ChecksOf(id).Select(seeds.Resolve)], limits))
    {
        var reference = baseline.GradeInFull(files);
        if (reference is null || reference.Any(check => check.Status is ResultStatus.Failed or ResultStatus.Error))
        {
            Console.Error.WriteLine($"mutate: the reference of {id} does not score full marks{(reference is null ? " (it does not compile, or breaks the policy)" : "")}; fix that first.");
            foreach (var failed in reference?.Where(check => check.Status is ResultStatus.Failed or ResultStatus.Error) ?? [])
            {
                Console.Error.WriteLine($"  {failed.Id}: {failed.Message}");
            }

            return 1;
        }

        checks = MutantGrader.CheapestFirst(baseline.Checks, reference);
        Console.Error.WriteLine("  check order: " + string.Join(", ", checks.Select(check =>
            string.Create(CultureInfo.InvariantCulture, $"{check.Slug} {reference.First(result => result.Id == check.Id).DurationMs / 1000.0:0.0}s"))));
    }

    var queue = new ConcurrentQueue<Mutant>(mutants);
    var judged = new ConcurrentDictionary<Mutant, Judged>();
    var workers = Enumerable.Range(0, options.Jobs).Select(_ => Task.Run(() =>
    {
        using var grader = new MutantGrader(exercise, checks, limits);
        while (queue.TryDequeue(out var mutant))
        {
            var result = grader.Judge(mutant, files);
            judged[mutant] = result;
            Report(result, $"{judged.Count}/{mutants.Count}");
        }
    })).ToArray();
    Task.WaitAll(workers);

    // A time-out may be the machine's load, not the mutant: each is graded once more, alone, with
    // twice the limit, and only counts as killed by time-out if it runs out of time again.
    var slow = judged.Values.Where(result => result.Fate == Fate.TimedOut).Select(result => result.Mutant).ToList();
    if (slow.Count > 0)
    {
        var longer = limits with { TimeLimit = limits.TimeLimitFor(exercise.Budget) * 2 };
        Console.Error.WriteLine($"  grading {slow.Count} time-out(s) again with {RunLimits.Describe(longer.TimeLimitFor(exercise.Budget))}");
        using var patient = new MutantGrader(exercise, checks, longer);
        foreach (var mutant in slow)
        {
            var result = patient.Judge(mutant, files);
            judged[mutant] = result;
            Report(result, "again");
        }
    }

    var results = judged.Values.OrderBy(result => result.Mutant.File, StringComparer.Ordinal)
        .ThenBy(result => result.Mutant.Span.Start).ThenBy(result => result.Mutant.Id, StringComparer.Ordinal).ToList();
    var stillborn = results.Count(result => result.Fate == Fate.Stillborn);
    var killed = results.Count(result => result.Fate == Fate.Killed);
    var timedOut = results.Count(result => result.Fate == Fate.TimedOut);
    var survived = results.Where(result => result.Fate == Fate.Survived).ToList();
    var marked = survived.Where(result => equivalent.ContainsKey(result.Mutant.Id)).ToList();
    var open = survived.Except(marked).ToList();
    var dead = killed + timedOut;
    var rate = dead + open.Count == 0 ? 1.0 : (double)dead / (dead + open.Count);
    var graded = results.Count == all.Count ? $"{all.Count}" : $"{(options.Mutants.Count > 0 ? "chosen" : "sampled")} {results.Count} of {all.Count}";
    summary.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {id} | {graded} | {stillborn} | {killed} | {timedOut} | {open.Count} | {marked.Count} | {rate:0.0%} | {clock.Elapsed.TotalMinutes:0.0} |"));

    survivors.AppendLine(CultureInfo.InvariantCulture, $"## {id}").AppendLine();
    survivors.AppendLine(open.Count == 0 ? "No survivors." : $"{open.Count} survivor(s): full marks with the change below.").AppendLine();
    var lines = files.ToDictionary(file => file.DisplayPath, file => file.Text.Split('\n'));
    foreach (var result in open)
    {
        var line = lines[result.Mutant.File][result.Mutant.Line - 1].Trim();
        survivors.AppendLine(CultureInfo.InvariantCulture, $"- `{result.Mutant.Id}`  ").AppendLine(CultureInfo.InvariantCulture, $"  line: `{line}`");
    }

    foreach (var result in results.Where(result => result.Fate == Fate.TimedOut))
    {
        survivors.AppendLine(CultureInfo.InvariantCulture, $"- killed by time-out (twice, in {result.KilledBy}): `{result.Mutant.Id}`");
    }

    foreach (var stale in results.Where(result => result.Fate is Fate.Killed or Fate.TimedOut && equivalent.ContainsKey(result.Mutant.Id)))
    {
        survivors.AppendLine(CultureInfo.InvariantCulture, $"- marked equivalent but killed (by {stale.KilledBy}): `{stale.Mutant.Id}`; remove it from equivalent.txt");
    }

    survivors.AppendLine();
}

Console.WriteLine(string.Join('\n', summary));
Console.WriteLine();
Console.WriteLine(survivors.ToString());
if (options.SurvivorsFile is { } path)
{
    File.WriteAllText(path, $"{string.Join('\n', summary)}\n\n{survivors}");
}

return 0;

static void Report(Judged result, string progress) =>
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  [{progress}] {result.Fate,-9} {result.Seconds,5:0.0}s {result.Mutant.Id}{(result.KilledBy.Length > 0 ? "  by " + result.KilledBy : "")}"));

// Every k-th mutant, so that a capped run still covers the whole file, the same ones each time;
// with rest, the ones that sample leaves out.
static List<Mutant> Sample(List<Mutant> all, int? max, bool rest)
{
    if (max is not { } cap || all.Count <= cap)
    {
        return rest ? [] : all;
    }

    var step = (double)all.Count / cap;
    var picked = Enumerable.Range(0, cap).Select(i => (int)(i * step)).ToHashSet();
    return [.. all.Where((_, index) => picked.Contains(index) != rest)];
}
