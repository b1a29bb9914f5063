using System.Diagnostics;
using Autograder.Grader.Checks;
using Autograder.Grader.Checks.Scripts;
using Autograder.Grader.Compile;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Run;
using Autograder.Grader.Run.Worker;
using Spectre.Console;

namespace Autograder.Grader.Watch;

/// <summary>
/// `grader watch`: the learner's fast loop. Keeps Roslyn warm and a sandboxed worker started in
/// advance (<see cref="WorkerRunner"/> starts the next one as each exercise begins), watches the
/// submission folder, and on each save grades the exercise whose file changed, public checks
/// only, and redraws <see cref="WatchReport"/>.
/// </summary>
public sealed class WatchRunner(IAnsiConsole console, TextWriter errors, CheckCatalog catalog, Func<RunLimits, IExerciseRunner>? runners = null)
{
    public const int Usage = 2;

    private readonly Func<RunLimits, IExerciseRunner> _runners = runners ?? (limits => new WorkerRunner(limits));

    /// <summary>Watches until <paramref name="stop"/> fires (Ctrl-C), then stops its worker: 0, or 2 for a wrong path or exercise.</summary>
    public int Run(WatchOptions options, CancellationToken stop)
    {
        try
        {
            var root = Path.GetFullPath(SubmissionReader.Read(options.Submission, options.ExerciseId is { } only ? [only] : []).Root);
            if (options.ExerciseId is { } id && !catalog.TryGetExercise(id, out _))
            {
                throw new SubmissionException(
                    $"There is no exercise '{id}'. Known exercises: {string.Join(", ", catalog.Exercises.Select(exercise => exercise.Id))}.");
            }

            if (options.JsonPath is { } json && Directory.Exists(json))
            {
                throw new SubmissionException($"--json {json} is a folder; give a file name, e.g. {json}/watch.json.");
            }

            var checks = options.ChecksFolder is { } folder ? TeacherChecks.Load(folder, catalog) : TeacherCheckSet.None;
            foreach (var problem in checks.Problems)
            {
                errors.WriteLine($"grader: teacher check {problem}");
            }

            return Watch(options, root, catalog.With(checks.Checks), stop);
        }
        catch (Exception e) when (e is SubmissionException or IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"grader: {SafeText.Clean(e.Message)}");
            return Usage;
        }
    }

    private int Watch(WatchOptions options, string root, CheckCatalog checks, CancellationToken stop)
    {
        using var runner = _runners(options.Limits);
        // One runner, kept: its next worker is already starting while the learner edits.
        var grader = new SubmissionGrader(checks, () => new Borrowed(runner));
        using var changes = new ChangeQueue(options.Debounce);
        using var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void Changed(string? path)
        {
            if (ExerciseOf(root, path, options.ExerciseId, checks) is { } exercise)
            {
                changes.Add(exercise);
            }
        }

        watcher.Changed += (_, e) => Changed(e.FullPath);
        watcher.Created += (_, e) => Changed(e.FullPath);
        watcher.Deleted += (_, e) => Changed(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            // An editor's save: a temporary file renamed over the real one.
            Changed(e.FullPath);
            Changed(e.OldFullPath);
        };
        watcher.EnableRaisingEvents = true;

        // Graded aside, so that Ctrl-C in a long check returns at once; disposing the runner then
        // stops the worker started in advance, and the one running dies with the grader.
        bool GradeUnlessStopped(IReadOnlyList<string> exercises, long? since)
        {
            try
            {
                Task.Run(() => Grade(grader, options, root, exercises, since), CancellationToken.None).Wait(stop);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        if (options.ExerciseId is { } first)
        {
            if (!GradeUnlessStopped([first], since: null))
            {
                return 0;
            }
        }
        else
        {
            Warm();
        }

        console.MarkupLine($"[grey]Watching {Markup.Escape(SafeText.Clean(root))}: save a file to grade its exercise. Ctrl-C stops.[/]");
        while (changes.Take(stop) is { } batch)
        {
            if (!GradeUnlessStopped(batch.Exercises, batch.FirstChange))
            {
                break;
            }
        }

        return 0;
    }

    private void Grade(SubmissionGrader grader, WatchOptions options, string root, IReadOnlyList<string> exercises, long? since)
    {
        GradeReport report;
        try
        {
            report = grader.Grade(SubmissionReader.Read(root, exercises), exercises, visibleOnly: true);
        }
        catch (Exception e) when (e is SubmissionException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLine($"[red]{Markup.Escape(SafeText.Clean(e.Message))}[/]");
            return;
        }

        if (options.Redraw)
        {
            console.Clear();
        }

        foreach (var exercise in report.Exercises)
        {
            WatchReport.Write(console, exercise, since is { } start ? Stopwatch.GetElapsedTime(start) : null);
        }

        if (options.JsonPath is { } json)
        {
            AtomicFile.Write(json, ReportJson.Serialize(report));
        }
    }

    /// <summary>The exercise a changed path belongs to: a .cs file in a known exercise's folder, outside bin/ and obj/.</summary>
    internal static string? ExerciseOf(string root, string? path, string? only, CheckCatalog catalog)
    {
        if (path is null || !path.EndsWith(".cs", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar);
        if (parts.Length < 2 || parts[0] == ".." || parts.Contains("bin") || parts.Contains("obj"))
        {
            return null;
        }

        return (only is null || parts[0] == only) && catalog.TryGetExercise(parts[0], out _) ? parts[0] : null;
    }

    /// <summary>Compiles a small file once, so that the first save does not pay for loading Roslyn.</summary>
    private static void Warm() =>
        SubmissionCompiler.Compile("Warm", [new SourceFile("Warm.cs", "public static class Warm { public static int One() => 1; }")]);

    /// <summary>The kept runner, lent to one grading: the grader disposes what it is given, which must not stop the kept one.</summary>
    private sealed class Borrowed(IExerciseRunner runner) : IExerciseRunner
    {
        public string? Sandbox => runner.Sandbox;

        public IReadOnlyList<CheckResult> Run(
            ExerciseSpec exercise, CompileResult.Success compiled, IReadOnlyList<CheckDefinition> checks, IGradingObserver? observer) =>
            runner.Run(exercise, compiled, checks, observer);

        public void Dispose()
        {
        }
    }
}
