namespace Autograder.Grader.Batch;

/// <summary>
/// What a student's archive may be. A submission is a few dozen small source files, so these are
/// generous for real work and far below what hurts the grader.
/// </summary>
public sealed record ArchiveLimits
{
    /// <summary>Size of the .zip file itself.</summary>
    public long MaxArchiveBytes { get; init; } = 16L << 20;

    /// <summary>Files and folders in the archive.</summary>
    public int MaxEntries { get; init; } = 1000;

    /// <summary>All entries together, uncompressed, as the archive declares them.</summary>
    public long MaxTotalBytes { get; init; } = 64L << 20;

    /// <summary>One entry, uncompressed (a .cs file the reader would refuse anyway past 1 MiB).</summary>
    public long MaxEntryBytes { get; init; } = 16L << 20;

    /// <summary>Uncompressed to compressed size of one entry; source text compresses about 4 to 10 times.</summary>
    public double MaxRatio { get; init; } = 100;

    /// <summary>Entries smaller than this are not judged by their ratio (a file of one repeated line is not a bomb).</summary>
    public long RatioFloorBytes { get; init; } = 64 << 10;

    /// <summary>Length of one name in the archive (a path), in characters.</summary>
    public int MaxNameLength { get; init; } = 260;

    public static ArchiveLimits Default { get; } = new();
}
