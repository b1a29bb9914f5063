namespace Autograder.Grader.Policy;

/// <summary>
/// What no submission may use. A submission gets everything it needs as arguments; these APIs
/// would let it reach outside the check that runs it (files, network, other processes), change
/// the grader itself (reflection, native code) or stop it.
/// </summary>
public static class GlobalBans
{
    private const string Files =
        "reading or writing files is not allowed in a submission: the checks pass your code all the data it needs as arguments.";

    private const string Reflection =
        "reflection is not allowed in a submission: it can reach into the grader. Call your own methods directly.";

    private const string Native =
        "calling native code is not allowed in a submission: write the computation in C#.";

    public static IReadOnlyList<BannedApi> All { get; } =
    [
        new("System.IO.Path", "file paths are not needed in a submission: the checks pass your code all the data it needs as arguments."),
        new("System.IO.File", Files),
        new("System.IO.FileInfo", Files),
        new("System.IO.Directory", Files),
        new("System.IO.DirectoryInfo", Files),
        new("System.IO.FileStream", Files),
        new("System.IO.FileSystemWatcher", Files),
        new("System.IO.StreamReader", Files),
        new("System.IO.StreamWriter", Files),
        new("System.IO.DriveInfo", Files),
        new("System.IO.Pipes.*", "pipes are not allowed in a submission: your code talks to the grader only through its return values."),
        new("System.IO.MemoryMappedFiles.*", Files),
        new("System.IO.IsolatedStorage.*", Files),
        new("System.Net.*", "network access is not allowed in a submission: everything your code needs is given to it."),
        new("System.Diagnostics.Process", "starting or inspecting processes is not allowed in a submission."),
        new("System.Environment.Exit", "ending the process is not allowed: return from your method, or throw an exception with a message."),
        new("System.Environment.FailFast", "ending the process is not allowed: return from your method, or throw an exception with a message."),
        new("System.Environment.GetEnvironmentVariable", "environment variables are not allowed in a submission: the checks give your code its settings."),
        new("System.Environment.GetEnvironmentVariables", "environment variables are not allowed in a submission: the checks give your code its settings."),
        new("System.Environment.SetEnvironmentVariable", "environment variables are not allowed in a submission: the checks give your code its settings."),
        new("System.AppDomain", Reflection),
        new("System.Activator", Reflection),
        new("System.Reflection.*", Reflection),
        new("System.Runtime.Loader.*", "loading assemblies is not allowed in a submission."),
        new("System.Runtime.InteropServices.*", Native),
        new("System.Runtime.CompilerServices.Unsafe", "System.Runtime.CompilerServices.Unsafe bypasses the type system; use ordinary arrays and spans."),
        new("System.Runtime.CompilerServices.ModuleInitializerAttribute", "module initialisers run code before any check asks for it; put the code in your class."),
        new("System.Threading.Thread", "starting threads is not allowed: the grader measures your code as it runs, in the order the check calls it."),
        new("System.Threading.ThreadPool", "starting background work is not allowed: the grader measures your code as it runs, in the order the check calls it."),
        new("System.Threading.Timer", "timers are not allowed: they run code after the check has finished."),
        new("System.Timers.*", "timers are not allowed: they run code after the check has finished."),
        new("System.Threading.Tasks.Task.Run", "starting background work is not allowed: the grader measures your code as it runs, in the order the check calls it."),
        new("System.Threading.Tasks.Parallel", "parallel loops are not allowed: the grader measures your code on the cores it gives it."),
        new("System.Console.SetOut", "redirecting the console is not allowed: write with Console.WriteLine if you want to print."),
        new("System.Console.SetError", "redirecting the console is not allowed: write with Console.WriteLine if you want to print."),
        new("System.Console.OpenStandardOutput", "writing to the raw output stream is not allowed: write with Console.WriteLine if you want to print."),
        new("System.Console.OpenStandardInput", "reading input is not allowed: the checks give your code its data as arguments."),
        new("System.Console.ReadLine", "reading input is not allowed: the checks give your code its data as arguments."),
        new("System.GC", "controlling the garbage collector is not allowed in a submission."),
    ];
}
