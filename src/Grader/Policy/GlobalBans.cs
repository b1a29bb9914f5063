namespace Autograder.Grader.Policy;

/// <summary>
/// What no submission may use, and the few members of banned types that stay allowed. A
/// submission gets everything it needs as arguments; these APIs would let it reach outside the
/// check that runs it (files, network, other processes, the environment), look into or change
/// the grader (reflection, code generation, assembly loading, native code, raw memory), or keep
/// running after its check has finished (threads, timers, tasks).
/// </summary>
public static class GlobalBans
{
    private const string Files =
        "files are out of reach in a submission: the checks pass your code all the data it needs as arguments.";

    private const string Network = "network access is not allowed in a submission: everything your code needs is given to it.";

    private const string Processes = "starting or inspecting processes is not allowed in a submission.";

    private const string EnvironmentAccess =
        "the process environment (variables, exit, command line, folders) is out of reach in a submission: the checks give your code its settings; to stop, return or throw an exception with a message.";

    private const string Reflection =
        "reflection is not allowed in a submission: it can look into the grader and its hidden checks. Call your own methods directly.";

    private const string CodeGeneration = "generating or loading code at run time is not allowed in a submission.";

    private const string Native = "native code and raw memory are not allowed in a submission: write the computation in C# with arrays, spans or tensors.";

    private const string Background =
        "threads, tasks and timers are not allowed: they would run code after the check has finished, and the grader measures your code as the check calls it.";

    private const string Console =
        "only Console.Write and Console.WriteLine are allowed: printing is fine, but redirecting, reading or clearing the console is not.";

    private const string Runtime = "controlling the runtime (garbage collector, memory, threads of libtorch) is not allowed in a submission.";

    public static IReadOnlyList<BannedApi> All { get; } =
    [
        new("System.IO.*", Files),
        new("System.Net.*", Network),
        new("System.Diagnostics.*", Processes),
        new("System.Environment", EnvironmentAccess),
        new("System.AppContext", EnvironmentAccess),
        new("System.AppDomain", Reflection),
        new("System.Activator", Reflection),
        new("System.Type", Reflection),
        new("System.Reflection.*", Reflection),
        new("System.Delegate.DynamicInvoke", Reflection),
        new("System.Delegate.Method", Reflection),
        new("System.Runtime.CompilerServices.UnsafeAccessorAttribute", Reflection),
        new("System.Runtime.CompilerServices.RuntimeHelpers", Reflection),
        new("System.Resources.*", Reflection),
        new("System.Linq.Expressions.*", CodeGeneration),
        new("System.Runtime.Loader.*", CodeGeneration),
        new("System.Runtime.CompilerServices.ModuleInitializerAttribute",
            "module initialisers run code before any check asks for it; put the code in your class."),
        new("System.Runtime.InteropServices.*", Native),
        new("System.Runtime.CompilerServices.Unsafe", Native),
        new("System.Buffer.MemoryCopy", Native),
        new("System.Threading.*", Background),
        new("System.Timers.*", Background),
        new("System.Console", Console),
        new("System.GC", Runtime),
        new("System.Runtime.GCSettings", Runtime),
        new("System.Runtime.MemoryFailPoint", Runtime),
        new("TorchSharp.torch.set_num_threads", Runtime),
        new("TorchSharp.torch.set_num_interop_threads", Runtime),
        new("TorchSharp.torch.jit", CodeGeneration),
    ];

    /// <summary>
    /// Members and types inside banned areas that are harmless and useful: in-memory streams (saving
    /// weights to a stream a check provides), printing, timing, and the names of types.
    /// </summary>
    public static IReadOnlyList<string> Allowed { get; } =
    [
        "System.IO.Stream",
        "System.IO.MemoryStream",
        "System.IO.BinaryReader",
        "System.IO.BinaryWriter",
        "System.IO.TextReader",
        "System.IO.TextWriter",
        "System.IO.StringReader",
        "System.IO.StringWriter",
        "System.IO.SeekOrigin",
        "System.IO.IOException",
        "System.IO.EndOfStreamException",
        "System.IO.InvalidDataException",
        "System.Console.Write",
        "System.Console.WriteLine",
        "System.Diagnostics.Stopwatch",
        "System.Diagnostics.Debug",
        "System.Diagnostics.CodeAnalysis.*",
        "System.Diagnostics.DebuggerDisplayAttribute",
        "System.Diagnostics.DebuggerStepThroughAttribute",
        "System.Diagnostics.ConditionalAttribute",
        "System.Environment.NewLine",
        "System.Environment.ProcessorCount",
        "System.Environment.TickCount",
        "System.Environment.TickCount64",
        "System.Type.Name",
        "System.Type.FullName",
        "System.Type.Namespace",
        "System.Type.ToString",
        "System.Type.Equals",
        "System.Type.GetHashCode",
        "System.Type.op_Equality",
        "System.Type.op_Inequality",
        "System.Threading.CancellationToken",
    ];
}
