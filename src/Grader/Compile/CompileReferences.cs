using Autograder.Reference.Data;
using Microsoft.CodeAnalysis;
using TorchSharp;

namespace Autograder.Grader.Compile;

/// <summary>
/// What learner code compiles against: the .NET 10 reference assemblies (the same on every
/// machine), the Reference library and TorchSharp. Built once per process: reading metadata is
/// most of a cold compile.
/// </summary>
internal static class CompileReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> Cached = new(Create);

    public static IReadOnlyList<MetadataReference> All => Cached.Value;

    private static IReadOnlyList<MetadataReference> Create() =>
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(SeededRandom).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(torch).Assembly.Location),
    ];
}
