using Autograder.Reference.Data;
using Microsoft.CodeAnalysis;
using TorchSharp;

namespace Autograder.Grader.Compile;

/// <summary>
/// What learner code compiles against: a reduced set of the .NET 10 reference assemblies (the
/// same on every machine), the Reference library and TorchSharp. Only the assemblies the allowed
/// APIs live in are there, so <c>Microsoft.VisualBasic</c>, <c>System.Xml</c>, <c>System.Formats</c>,
/// <c>System.Net</c>, <c>System.Diagnostics.Process</c> and the like cannot even be named: the
/// policy's allow-list is the second line, for what these assemblies hold besides the allowed
/// APIs (System.Runtime has files and reflection too). <see cref="Full"/> is for diagnosis only: it
/// tells the learner which API they reached for when the reduced set does not compile. Built once
/// per process: reading metadata is most of a cold compile.
/// </summary>
internal static class CompileReferences
{
    /// <summary>The reference assemblies learner code sees, found by compiling the whole course against them.</summary>
    public static IReadOnlyList<string> LearnerAssemblies { get; } =
    [
        "System.Runtime",
        "System.Collections",
        "System.Collections.NonGeneric",
        "System.Collections.Specialized",
        "System.Collections.Immutable",
        "System.Linq",
        "System.Memory",
        "System.Runtime.Numerics",
        "System.Numerics.Vectors",
        "System.Text.RegularExpressions",
        "System.Console",
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> CachedLearner = new(() => Create(learnerOnly: true));

    private static readonly Lazy<IReadOnlyList<MetadataReference>> CachedFull = new(() => Create(learnerOnly: false));

    /// <summary>What a submission compiles against.</summary>
    public static IReadOnlyList<MetadataReference> All => CachedLearner.Value;

    /// <summary>The whole reference set, to name what a submission reached for when it does not compile against <see cref="All"/>; never emitted.</summary>
    public static IReadOnlyList<MetadataReference> Full => CachedFull.Value;

    private static IReadOnlyList<MetadataReference> Create(bool learnerOnly) =>
    [
        .. Basic.Reference.Assemblies.Net100.References.All
            .Where(reference => !learnerOnly || LearnerAssemblies.Contains(Path.GetFileNameWithoutExtension(reference.FilePath)!)),
        MetadataReference.CreateFromFile(typeof(SeededRandom).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(torch).Assembly.Location),
    ];
}
