using Autograder.Grader.Checks;
using Autograder.Grader.Run;

namespace Autograder.Grader.Batch;

/// <summary>What `grader batch` was asked to do.</summary>
public sealed record BatchOptions
{
    /// <summary>The class folder: one folder or .zip per student, or students' loose .cs files.</summary>
    public required string ClassFolder { get; init; }

    /// <summary>Where results, class.json and batch.log go (and the publisher's files).</summary>
    public required string OutFolder { get; init; }

    /// <summary>Students graded at once, each with its own worker; default one per core.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Exercises to grade; empty for all.</summary>
    public IReadOnlyList<string> Exercises { get; init; } = [];

    public RunLimits Limits { get; init; } = RunLimits.Default;

    public Shard? Shard { get; init; }

    /// <summary>The stubs (exercises/) that loose files are matched against; null to look for the course's own.</summary>
    public string? Stubs { get; init; }

    public required CheckCatalog Catalog { get; init; }

    public required SeedResolver Seeds { get; init; }

    public ArchiveLimits ArchiveLimits { get; init; } = ArchiveLimits.Default;

    /// <summary>Runs learner code (tests may pass their own); null for a sandboxed worker per exercise.</summary>
    public Func<IExerciseRunner>? Runners { get; init; }

    /// <summary>
    /// Renders one student's own files (report, Gradescope results) from the result just written:
    /// out folder, student ID (<c>ClassPublisher.PublishStudent</c> of src/Grader.Publish). Called
    /// on a thread of its own while the lanes grade others; null to leave it all to <see cref="Publish"/>.
    /// </summary>
    public Action<string, string>? PublishStudent { get; init; }

    /// <summary>
    /// The publishing step, called once every student is graded with the out folder and the
    /// students whose files <see cref="PublishStudent"/> rendered this run
    /// (<c>ClassPublisher.Publish</c> of src/Grader.Publish, which the CLI passes); null to skip.
    /// </summary>
    public Action<string, IReadOnlySet<string>>? Publish { get; init; }
}
