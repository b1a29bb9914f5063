using System.Collections.Concurrent;
using System.Globalization;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Run;
using Autograder.Grader.Run.Sandbox;
using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Batch;

/// <summary>
/// `grader batch`: grades a class folder into an out folder. Reads the class (one student per
/// folder, archive or set of loose files), writes class.json, then grades the students of its
/// shard on <c>--jobs</c> lanes at once: each lane compiles in this process (Roslyn stays warm) and
/// runs every exercise in a fresh sandboxed worker. Each student's result is written atomically as
/// soon as it is done, so a run killed at any moment loses nothing written, and the next run grades
/// only what is new or changed. One student's hostile archive, hang, crash or flood ends in that
/// student's error result; the batch goes on. Each student's own reports are rendered on a thread
/// of their own as soon as the result is written; at the end the publishing step does the rest.
/// </summary>
public static class BatchRunner
{
    /// <returns>0 when every student was graded (whatever the scores); 1 when the grader itself failed on some (they are graded again next run).</returns>
    /// <exception cref="SubmissionException">The class folder, an exercise or the options are wrong; the message says what to type.</exception>
    public static int Run(BatchOptions options, IBatchObserver? observer = null)
    {
        Validate(options);
        var outDir = Path.GetFullPath(options.OutFolder);
        Directory.CreateDirectory(outDir);
        options = options with { OutFolder = outDir };

        var roster = ClassIntake.Scan(options.ClassFolder, exclude: outDir);
        var graded = roster.Students.Where(student => options.Shard?.Contains(student.Id) ?? true).ToList();
        new ClassManifest
        {
            ClassDir = Path.GetFullPath(options.ClassFolder),
            Shard = options.Shard?.ToString(),
            Students = [.. roster.Students.Select(student => student.Id)],
            Graded = [.. graded.Select(student => student.Id)],
            Unmatched = roster.Unmatched,
        }.Write(outDir);

        var jobs = Math.Min(options.Jobs, Math.Max(1, graded.Count));
        // Each lane's workers keep to a core of their own, so that a submission that busies every
        // core slows its own lane only (CpuPinning).
        var cores = CpuPinning.Allowed();
        IExerciseRunner LaneRunner(int lane) =>
            options.Runners?.Invoke() ?? new WorkerRunner(options.Limits, cpus: CpuPinning.ForLane(lane, jobs, cores));
        var stubs = FindStubs(options);
        // A worker takes longer to start than the warm-up below takes to compile: the lanes that
        // surely have work (a student without any result yet) start their first one now.
        var ungraded = graded.Count(student => !File.Exists(ResultFile.PathOf(outDir, student.Id)));
        var runners = Enumerable.Range(0, jobs)
            .Select(IExerciseRunner? (lane) => lane < ungraded ? LaneRunner(lane) : null)
            .ToArray();
        ExerciseTypes types;
        try
        {
            types = stubs is null ? ExerciseTypes.None : ExerciseTypes.FromStubs(stubs);
            CompilerWarmUp.Run(stubs, options);
        }
        catch
        {
            Array.ForEach(runners, runner => runner?.Dispose());
            throw;
        }

        var key = GradingKey.Of(options.Catalog, options.Seeds, options.Exercises, options.Limits);
        var grading = new StudentGrading(options, new StudentIntake(types, options.Exercises, options.ArchiveLimits), key);
        using var log = new BatchLog(outDir, string.Create(CultureInfo.InvariantCulture,
            $"batch of {graded.Count} students{(options.Shard is { } shard ? $" (shard {shard} of a class of {roster.Students.Count})" : "")}, {jobs} jobs"));
        foreach (var entry in roster.Unmatched)
        {
            log.WriteLine($"# not graded: {entry.Entry}: {entry.Reason}");
        }

        observer?.Started(graded.Count, roster.Unmatched);
        var queue = new ConcurrentQueue<ClassStudent>(graded);
        var failures = 0;
        var report = new Lock();
        using var reports = new ReportRenderer(outDir, options.PublishStudent);
        var lanes = Enumerable.Range(0, jobs).Select(lane => new Thread(() =>
        {
            var runner = runners[lane];
            try
            {
                while (queue.TryDequeue(out var student))
                {
                    StudentOutcome outcome;
                    try
                    {
                        outcome = grading.Grade(student, () => runner ??= LaneRunner(lane));
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // A fault of the grader, not of the student: nothing is written, so the next run tries again.
                        Interlocked.Increment(ref failures);
                        outcome = new StudentOutcome(student.Id, StudentStatus.GraderFailed, 0, 0, 0, true,
                            $"the grader failed on this submission ({e.GetType().Name}: {e.Message})");
                    }

                    log.Write(outcome);
                    if (outcome.Status != StudentStatus.GraderFailed)
                    {
                        reports.Render(student.Id);
                    }

                    lock (report)
                    {
                        observer?.Finished(outcome);
                    }
                }
            }
            finally
            {
                runner?.Dispose();
            }
        })
        {
            Name = $"batch lane {lane}",
        }).ToList();
        lanes.ForEach(thread => thread.Start());
        lanes.ForEach(thread => thread.Join());

        options.Publish?.Invoke(outDir, reports.Finish());
        return failures == 0 ? 0 : 1;
    }

    private static void Validate(BatchOptions options)
    {
        if (options.Jobs < 1)
        {
            throw new SubmissionException($"--jobs takes a number of students to grade at once, 1 or more; {options.Jobs} is not one.");
        }

        var known = string.Join(", ", options.Catalog.Exercises.Select(exercise => exercise.Id));
        foreach (var id in options.Exercises.Where(id => !options.Catalog.TryGetExercise(id, out _)))
        {
            throw new SubmissionException($"There is no exercise '{id}'. Known exercises: {known}.");
        }
    }

    /// <summary>The stubs given, else the course's exercises/ above the class folder, the current folder or the grader.</summary>
    public static string? FindStubs(BatchOptions options)
    {
        if (options.Stubs is not null)
        {
            return Directory.Exists(options.Stubs)
                ? options.Stubs
                : throw new SubmissionException($"There is no folder {options.Stubs} (--stubs): give the course's exercises/ folder.");
        }

        foreach (var start in new[] { options.ClassFolder, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "exercises");
                if (Directory.Exists(candidate) && Directory.EnumerateDirectories(candidate).Any(sub => ClassIntake.IsExerciseFolder(Path.GetFileName(sub))))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
