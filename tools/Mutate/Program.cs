using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Run;
using Autograder.Tools.Mutate;

// dotnet run --project tools/Mutate -c Release -- [--exercise ID]... [--max N] [--jobs J]
//     [--solutions DIR] [--equivalent FILE] [--survivors FILE] [--course-secret FILE]
// Grades every mutant of the reference solutions and prints, per exercise, how many were
// stillborn, killed, survived or marked equivalent, then the survivors.
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
var exercises = options.Exercises.Count > 0 ? options.Exercises : [.. catalog.Exercises.Select(exercise => exercise.Id)];
var summary = new List<string>
{
    "| exercise | mutants | stillborn | killed | survived | equivalent | kill rate | minutes |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
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
    var checks = catalog.ChecksOf(id).Select(seeds.Resolve).ToList();
    var all = files.SelectMany(MutantGenerator.Of).ToList();
    var mutants = Sample(all, options.Max);
    Console.Error.WriteLine($"{id}: {all.Count} mutants, grading {mutants.Count} with {options.Jobs} job(s)");

    using (var baseline = new MutantGrader(exercise, checks, RunLimits.Default))
    {
        var reference = baseline.Grade(files);
        if (reference is null || reference.Score < reference.MaxScore)
        {
            Console.Error.WriteLine($"mutate: the reference of {id} does not score full marks ({reference?.Score}/{reference?.MaxScore}); fix that first.");
            return 1;
        }
    }

    var queue = new ConcurrentQueue<Mutant>(mutants);
    var judged = new ConcurrentBag<Judged>();
    var workers = Enumerable.Range(0, options.Jobs).Select(_ => Task.Run(() =>
    {
        using var grader = new MutantGrader(exercise, checks, RunLimits.Default);
        while (queue.TryDequeue(out var mutant))
        {
            var result = grader.Judge(mutant, files);
            judged.Add(result);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  [{judged.Count}/{mutants.Count}] {result.Fate,-9} {result.Seconds,5:0.0}s {mutant.Id}{(result.KilledBy.Length > 0 ? "  by " + result.KilledBy : "")}"));
        }
    })).ToArray();
    Task.WaitAll(workers);

    var results = judged.OrderBy(result => result.Mutant.File, StringComparer.Ordinal)
        .ThenBy(result => result.Mutant.Span.Start).ThenBy(result => result.Mutant.Id, StringComparer.Ordinal).ToList();
    var stillborn = results.Count(result => result.Fate == Fate.Stillborn);
    var killed = results.Count(result => result.Fate == Fate.Killed);
    var survived = results.Where(result => result.Fate == Fate.Survived).ToList();
    var marked = survived.Where(result => equivalent.ContainsKey(result.Mutant.Id)).ToList();
    var open = survived.Except(marked).ToList();
    var rate = killed + open.Count == 0 ? 1.0 : (double)killed / (killed + open.Count);
    summary.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {id} | {results.Count} | {stillborn} | {killed} | {open.Count} | {marked.Count} | {rate:0.0%} | {clock.Elapsed.TotalMinutes:0.0} |"));

    survivors.AppendLine(CultureInfo.InvariantCulture, $"## {id}").AppendLine();
    survivors.AppendLine(open.Count == 0 ? "No survivors." : $"{open.Count} survivor(s): full marks with the change below.").AppendLine();
    var lines = files.ToDictionary(file => file.DisplayPath, file => file.Text.Split('\n'));
    foreach (var result in open)
    {
        var line = lines[result.Mutant.File][result.Mutant.Line - 1].Trim();
        survivors.AppendLine(CultureInfo.InvariantCulture, $"- `{result.Mutant.Id}`  ").AppendLine(CultureInfo.InvariantCulture, $"  line: `{line}`");
    }

    foreach (var stale in results.Where(result => result.Fate == Fate.Killed && equivalent.ContainsKey(result.Mutant.Id)))
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

// Every k-th mutant, so that a capped run still covers the whole file, the same ones each time.
static List<Mutant> Sample(List<Mutant> all, int? max)
{
    if (max is not { } cap || all.Count <= cap)
    {
        return all;
    }

    var step = (double)all.Count / cap;
    return [.. Enumerable.Range(0, cap).Select(i => all[(int)(i * step)])];
}
