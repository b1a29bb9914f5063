using System.Diagnostics;
using System.Globalization;
using Autograder.Grader.Checks;
using Autograder.Grader.Compile;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Policy;

namespace Autograder.Grader.Cli.Commands;

/// <summary>
/// `grader bench-compile`: how long compiling each exercise takes, cold (the first compile in
/// this process, which loads Roslyn and the reference assemblies) and warm (the median of the
/// repeats after it). For docs/PERFORMANCE.md; run it once per exercise for a cold figure each.
/// </summary>
internal static class CompileBenchmark
{
    public static System.CommandLine.Command Create()
    {
        var submission = new System.CommandLine.Argument<string>("submission-dir") { Description = "a folder laid out like exercises/" };
        var exercises = CommonOptions.Exercises();
        var repeats = new System.CommandLine.Option<int>("--repeat")
        {
            Description = "warm compiles after the cold one (default 20)",
            HelpName = "N",
            DefaultValueFactory = _ => 20,
        };
        repeats.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--repeat needs a whole number above 0, e.g. --repeat 20.");
            }
        });
        var command = new System.CommandLine.Command("bench-compile", "cold and warm compile times per exercise (docs/PERFORMANCE.md)")
        {
            submission, exercises, repeats,
        };
        command.SetAction(parse => Run(new BenchCompileOptions(parse.GetRequiredValue(submission), parse.GetValue(exercises) ?? [], parse.GetValue(repeats))));
        return command;
    }

    public static int Run(BenchCompileOptions command)
    {
        Submission submission;
        try
        {
            submission = SubmissionReader.Read(command.Submission);
        }
        catch (SubmissionException e)
        {
            Console.Error.WriteLine($"grader: {e.Message}");
            return GraderCommands.Usage;
        }

        var catalog = CheckCatalog.FromBaseDirectory();
        var ids = command.Exercises.Count > 0 ? command.Exercises : [.. submission.Exercises.Keys];
        Console.WriteLine("exercise                 cold ms   warm median ms   warm min ms   policy warm median ms   repeats");
        foreach (var id in ids)
        {
            if (!submission.Exercises.TryGetValue(id, out var files))
            {
                Console.Error.WriteLine($"grader: {command.Submission} has no folder {id}/.");
                return GraderCommands.Usage;
            }

            var usings = catalog.TryGetExercise(id, out var exercise) ? exercise.Usings : null;
            var cold = Time(() => SubmissionCompiler.Compile($"Bench.{id}", files, usings: usings));
            var warm = Enumerable.Range(0, command.Repeats)
                .Select(_ => Time(() => SubmissionCompiler.Compile($"Bench.{id}", files, usings: usings)))
                .Order()
                .ToList();
            // The policy's semantic walk is the other half of what a batch does in its own process per exercise.
            var compiled = (CompileResult.Success)SubmissionCompiler.Compile($"Bench.{id}", files, usings: usings);
            var bans = exercise?.Bans ?? [];
            var policy = Enumerable.Range(0, command.Repeats)
                .Select(_ => Milliseconds(() => ApiPolicy.Check(compiled.Compilation, bans, exercise?.BannedLiterals ?? [])))
                .Order()
                .ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{id,-24} {cold,7:0.0}   {warm[warm.Count / 2],14:0.0}   {warm[0],11:0.0}   {policy[policy.Count / 2],21:0.0}   {command.Repeats,7}"));
        }

        return 0;
    }

    private static double Milliseconds(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static double Time(Func<CompileResult> compile)
    {
        var stopwatch = Stopwatch.StartNew();
        if (compile() is CompileResult.Failure failure)
        {
            throw new InvalidOperationException($"the benchmark's input does not compile: {failure.Errors[0]}");
        }

        return stopwatch.Elapsed.TotalMilliseconds;
    }
}

/// <summary>What `grader bench-compile` was asked to do.</summary>
internal sealed record BenchCompileOptions(string Submission, IReadOnlyList<string> Exercises, int Repeats);
