namespace Autograder.Grader.Policy;

/// <summary>
/// Denials with a reason of their own. Most lie inside what <see cref="AllowedApis"/> opens (the
/// environment, reflection on <c>Type</c>, most of <c>Console</c>, TorchSharp's files, JIT,
/// tensorboard and native handles); some lie outside it (files, network, processes) and are kept
/// here because their reason teaches more than "not available". <see cref="Allowed"/> lists the
/// members of denied types that stay usable. A submission gets everything it needs as arguments;
/// these APIs would let it reach outside the check that runs it, look into or change the grader,
/// or keep running after its check has finished.
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

    private const string TorchFiles =
        "TorchSharp's files, data sets on disk and tensorboard logs are out of reach in a submission: the checks give your code its data, and a Stream where an exercise saves weights.";

    private const string NativeHandles =
        "native handles and pointers of TorchSharp are not allowed in a submission: work with tensors and modules, not the memory behind them.";

    private const string Undocumented =
        "undocumented keywords (__makeref, __refvalue, __reftype, __arglist) and the types behind them reach raw memory; write the computation with arrays, spans or tensors.";

    private const string ProcessWide =
        "this changes a setting for the whole process, so for the grader and every later check too; pass what you need as an argument instead.";

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
        new("TorchSharp.torch.export", CodeGeneration),
        new("TorchSharp.ExportedProgram", CodeGeneration),
        new("TorchSharp.torch.hub", Network),
        new("TorchSharp.torch.utils.tensorboard", TorchFiles),
        new("TorchSharp.Utils.tensorboard.*", TorchFiles),
        new("TorchSharp.Data.*", TorchFiles),
        new("TorchSharp.Utils.Decompress", TorchFiles),
        new("TorchSharp.torch.from_file", TorchFiles),
        new("TorchSharp.torch.Tensor.Handle", NativeHandles),
        new("TorchSharp.torch.Tensor.UnsafeCreateTensor", NativeHandles),
        new("TorchSharp.torch.Tensor.DecoupleFromNativeHandle", NativeHandles),
        new("TorchSharp.torch.Generator.Handle", NativeHandles),
        new("TorchSharp.torch.Storage.data_ptr", NativeHandles),
        new("TorchSharp.AllocatePinnedArray", NativeHandles),
        new("TorchSharp.AllocateIndexedNativeTensorOrScalarArray", NativeHandles),
        new("TorchSharp.DistanceFunctionNative", NativeHandles),
        new("TorchSharp.FieldInfoExtensionMethods", Reflection),
        new("TorchSharp.torch.set_default_dtype", ProcessWide),
        new("System.Delegate.CreateDelegate", Reflection),
        new("System.TypedReference", Undocumented),
        new("System.ArgIterator", Undocumented),
        new("System.RuntimeArgumentHandle", Undocumented),
        new("System.Linq.ParallelEnumerable", Background),
        new("System.Linq.AsyncEnumerable", Background),
        new("System.Linq.Queryable", CodeGeneration),
        new("System.Text.EncodingProvider", ProcessWide),
        new("System.Text.Encoding.RegisterProvider", ProcessWide),
    ];

    /// <summary>
    /// Streams that touch no file, socket or process: allowed by the global bans and by the
    /// allow-list of the strict exercises alike.
    /// </summary>
    public static IReadOnlyList<string> InMemoryStreams { get; } =
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
    ];

    /// <summary>
    /// Members and types inside banned areas that are harmless and useful: in-memory streams (saving
    /// weights to a stream a check provides), printing, timing, and the names of types.
    /// </summary>
    public static IReadOnlyList<string> Allowed { get; } =
    [
        .. InMemoryStreams,
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
