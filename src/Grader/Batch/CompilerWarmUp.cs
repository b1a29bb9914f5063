using Autograder.Grader.Compile;
using Autograder.Grader.Policy;
using Autograder.Grader.Pipeline;

namespace Autograder.Grader.Batch;

/// <summary>
/// Compiles the stubs of the exercises to grade once, before any lane starts. The first real
/// compile in a process JIT-compiles most of Roslyn's binder and emitter; with several lanes
/// starting at once on a busy machine (a load average of 50 here) that took over the compile
/// step's 10 s limit, and the first students' exercises were reported as "compiling took longer
/// than 10 s". The stubs are trusted text; their results are thrown away.
/// </summary>
internal static class CompilerWarmUp
{
    public static void Run(string? stubs, BatchOptions options)
    {
        if (stubs is null)
        {
            return;
        }

        var exercises = options.Exercises.Count == 0 ? options.Catalog.Exercises.Select(exercise => exercise.Id).ToList() : options.Exercises;
        foreach (var id in exercises.Distinct(StringComparer.Ordinal))
        {
            if (!options.Catalog.TryGetExercise(id, out var exercise) || !Directory.Exists(Path.Combine(stubs, id)))
            {
                continue;
            }

            var files = SubmissionReader.Read(stubs, [id]).Exercises.GetValueOrDefault(id);
            if (files is null or UnreadableExercise || files.Count == 0)
            {
                continue;
            }

            if (SubmissionCompiler.Compile($"WarmUp.{id}", files, usings: exercise.Usings) is CompileResult.Success compiled)
            {
                _ = ApiPolicy.Check(compiled.Compilation, exercise.Bans, exercise.BannedLiterals);
            }
        }
    }
}
