using System.Reflection;
using System.Runtime.Loader;

namespace Autograder.Grader.Run;

/// <summary>
/// A collectible load context for one compiled exercise: unloaded after its checks, so grading a
/// class does not pile up assemblies. Everything else (the BCL, Reference, TorchSharp) resolves
/// from the default context, so the contract types the checks see are the learner's too.
/// </summary>
internal sealed class SubmissionLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    public Assembly LoadSubmission(byte[] image, byte[] symbols)
    {
        using var imageStream = new MemoryStream(image, writable: false);
        using var symbolStream = new MemoryStream(symbols, writable: false);
        return LoadFromStream(imageStream, symbolStream);
    }

    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
