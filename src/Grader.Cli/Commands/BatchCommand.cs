#if COURSE_AUTHORING
using Autograder.Grader.Batch;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;
using Autograder.Grader.Similarity;
using Spectre.Console;
using Command = System.CommandLine.Command;

namespace Autograder.Grader.Cli.Commands;

/// <summary>`grader batch`: grade a class folder, resumably and in parallel, then publish the gradebook and reports.</summary>
internal static class BatchCommand
{
    public static Command Create()
    {
        var classFolder = new System.CommandLine.Argument<string>("class-dir")
        {
            Description = "the class folder: one folder or .zip per student (laid out like exercises/), or students' loose .cs files; Canvas, Moodle and GitHub Classroom export names give the student IDs",
        };
        var outFolder = new System.CommandLine.Option<string>("--out", "-o")
        {
            Description = "where students/<id>/result.json, class.json, batch.log and the published gradebook and reports go; a second run regrades only new or changed submissions",
            HelpName = "DIR",
            Required = true,
        };
        var jobs = new System.CommandLine.Option<int>("--jobs", "-j")
        {
            Description = $"students graded at once, each with its own sandboxed worker (default: one per core, {Environment.ProcessorCount} here)",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
            Validators = { result => { if (result.GetValueOrDefault<int>() < 1) { result.AddError("--jobs needs a number of students at once, 1 or more, e.g. --jobs 2."); } } },
        };
        var shard = new System.CommandLine.Option<Shard?>("--shard")
        {
            Description = "grade one part of the class, i/n with i from 0 to n-1 (e.g. a Kubernetes indexed Job's JOB_COMPLETION_INDEX); a student's part is fixed by the SHA-256 of the ID",
            HelpName = "i/n",
            CustomParser = result =>
            {
                var parsed = Shard.Parse(result.Tokens.Single().Value, out var error);
                if (error is not null)
                {
                    result.AddError(error);
                }

                return parsed;
            },
        };
        var stubs = new System.CommandLine.Option<string?>("--stubs")
        {
            Description = "the course's exercises/ folder, whose stubs' types place loose .cs files (default: the exercises/ above the class folder or the current folder)",
            HelpName = "DIR",
        };
        var similarity = new System.CommandLine.Option<bool>("--similarity")
        {
            Description = "then compare the class's submissions as `grader similarity` does: similarity.html, .csv and .json in the out folder",
        };
        var exercises = CommonOptions.Exercises();
        var time = CommonOptions.TimeLimit();
        var memory = CommonOptions.MemoryLimit();
        var courseSecret = CommonOptions.CourseSecret();
        var checks = CommonOptions.ChecksFolder();
        var command = new Command("batch", "grade a whole class: parallel, resumable, every submission in its own sandboxed worker; writes one result per student, class.json and batch.log, then the gradebook and reports")
        {
            classFolder, outFolder, jobs, exercises, time, memory, shard, stubs, courseSecret, checks, similarity,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(similarity) && result.GetValue(shard) is not null)
            {
                // Copies cross shards: one shard alone would miss most of them.
                result.AddError("--similarity compares the whole class, and --shard grades one part of it. Merge the shards, then run `grader similarity <merged-dir>`.");
            }
        });
        command.SetAction(parse => Run(
            parse.GetRequiredValue(classFolder),
            parse.GetRequiredValue(outFolder),
            parse.GetValue(jobs),
            parse.GetValue(exercises) ?? [],
            CommonOptions.Limits(parse, time, memory),
            parse.GetValue(shard),
            parse.GetValue(stubs),
            parse.GetValue(courseSecret),
            parse.GetValue(checks),
            parse.GetValue(similarity)));
        return command;
    }

    private static int Run(
        string classFolder, string outFolder, int jobs, IReadOnlyList<string> exercises, Run.RunLimits limits, Shard? shard, string? stubs, string? courseSecret, string? checksFolder, bool similarity)
    {
        var console = CommandConsole.Open();

        try
        {
            var catalog = CommonOptions.WithTeacherChecks(CheckCatalog.FromBaseDirectory(), checksFolder, Console.Error);
            var seeds = CourseSeeds.For(catalog, courseSecret);
            var options = new BatchOptions
            {
                ClassFolder = classFolder,
                OutFolder = outFolder,
                Jobs = jobs,
                Exercises = exercises,
                Limits = limits,
                Shard = shard,
                Stubs = stubs,
                Catalog = catalog,
                Seeds = seeds,
                PublishStudent = Autograder.Grader.Publish.ClassPublisher.PublishStudent,
                Publish = Autograder.Grader.Publish.ClassPublisher.Publish,
            };
            var code = BatchProgress.Run(console, observer => BatchRunner.Run(options, observer));
            console.MarkupLine($"[grey]results in {Markup.Escape(SafeText.Clean(Path.GetFullPath(outFolder)))} (students/<id>/result.json, class.json, batch.log)[/]");
            if (!similarity)
            {
                return code;
            }

            // The out folder's class.json names the class, so similarity reads it as the batch did.
            var compared = SimilarityRunner.Run(
                new SimilarityOptions { Input = outFolder, StarterDir = BatchRunner.FindStubs(options) }, Console.Out, Console.Error);
            return code != 0 ? code : compared;
        }
        catch (Exception e) when (UsageError.Explains(e))
        {
            return UsageError.Report(Console.Error, e);
        }
    }
}
#endif
