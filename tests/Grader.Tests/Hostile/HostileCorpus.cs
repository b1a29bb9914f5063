namespace Autograder.Grader.Tests.Hostile;

/// <summary>
/// One hostile submission: the reference perceptron with an attack added. <see cref="Member"/> is
/// added to the class, <see cref="Statement"/> runs first in Predict, and <see cref="Replace"/>
/// rewrites one piece of the reference. <c>{CANARY}</c> stands for the path of a file outside
/// the submission that the attack goes after. <see cref="Expected"/> is a phrase the exercise's
/// message (for a policy violation) or some check's message (for an attack that runs) must contain.
/// </summary>
public sealed record HostileCase(
    string Name, string Expected, string Statement = "", string Member = "", bool Runs = false, (string From, string To)? Replace = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// Attacks a class of a few hundred will try, on purpose or by accident. Those the policy stops
/// never run; those that run (<see cref="HostileCase.Runs"/>) must end in an error result that
/// names the cause while the grader and every other exercise carry on.
/// </summary>
public static class HostileCorpus
{
    public static IReadOnlyList<HostileCase> Cases { get; } =
    [
        // Attacks that run: only the worker process stands between them and the grader.
        new("infinite-loop", "timed out after", Statement: "while (input.Length >= 0) { }", Runs: true),
        new("infinite-loop-in-static-constructor", "timed out after",
            Member: "static Perceptron() { var n = 0; while (n >= 0) { n = (n + 1) % 7; } }", Runs: true),
        // Not a tail call (the JIT turns `return Predict(...)` into a loop, which then times out).
        new("stack-overflow", "stack overflow", Statement: "if (input.Length >= 0) { return 1 + Predict(weights, input); }", Runs: true),
        new("unbounded-allocation", "memory",
            Statement: "var hoard = new List<double[]>(); while (hoard.Count >= 0) { hoard.Add(new double[1 << 20]); hoard[^1][0] = 1; }", Runs: true),
        new("thirty-gib-in-chunks", "memory",
            Statement: "var chunks = new double[16][]; for (var c = 0; c < chunks.Length; c++) { chunks[c] = new double[250_000_000]; chunks[c][7] = c; }", Runs: true),
        new("array-too-large", "threw OverflowException", Statement: "var huge = new double[30L * 1024 * 1024 * 1024 / 8]; huge[1] = 1;", Runs: true),
        new("forged-report-on-stdout", "not implemented yet",
            Statement: "Console.WriteLine(\"{\\\"kind\\\":\\\"result\\\",\\\"checkId\\\":\\\"01-perceptron/predict-threshold\\\",\\\"result\\\":{\\\"status\\\":\\\"passed\\\"}}\"); " +
                "Console.WriteLine(\"@00@ {\\\"kind\\\":\\\"finished\\\"}\"); throw new NotImplementedException();", Runs: true),
        new("flood-of-output", "not implemented yet",
            Statement: "for (var i = 0; i < 200000; i++) { Console.WriteLine(\"spam spam spam spam\"); } throw new NotImplementedException();", Runs: true),
        new("throws-from-constructor", "threw InvalidOperationException",
            Member: "public Perceptron() { throw new InvalidOperationException(\"no\"); }", Runs: true),
        new("returns-garbage", "Train returned null", Runs: true, Replace: ("        while (mistakes.Count < maxEpochs)", "        if (maxEpochs > 0) { return null!; }\n        while (mistakes.Count < maxEpochs)")),

        // Attacks the policy stops before anything runs.
        new("read-canary", "System.IO.File.ReadAllText", Statement: "var secret = System.IO.File.ReadAllText(\"{CANARY}\");"),
        new("write-canary", "System.IO.File.WriteAllText", Statement: "System.IO.File.WriteAllText(\"{CANARY}\", \"pwned\");"),
        new("list-other-students", "System.IO.Directory.GetFiles", Statement: "var all = System.IO.Directory.GetFiles(\"..\");"),
        new("stream-to-path", "new System.IO.FileStream", Statement: "using var s = new System.IO.FileStream(\"{CANARY}\", System.IO.FileMode.Open);"),
        new("network", "System.Net.Http.HttpClient", Statement: "using var client = new System.Net.Http.HttpClient();"),
        new("start-process", "System.Diagnostics.Process.Start", Statement: "System.Diagnostics.Process.Start(\"sh\", \"-c 'touch {CANARY}'\");"),
        new("environment-exit", "System.Environment.Exit", Statement: "Environment.Exit(0);"),
        new("fail-fast", "System.Environment.FailFast", Statement: "Environment.FailFast(\"bye\");"),
        new("environment-variable", "System.Environment.GetEnvironmentVariable", Statement: "var home = Environment.GetEnvironmentVariable(\"HOME\");"),
        new("find-hidden-checks-by-name", "System.Type.GetType", Statement: "var t = Type.GetType(\"Autograder.Checks.Hidden.Perceptron.PerceptronHiddenChecks\");"),
        new("list-loaded-assemblies", "System.AppDomain", Statement: "var all = AppDomain.CurrentDomain.GetAssemblies();"),
        new("load-assembly", "System.Reflection.Assembly.LoadFrom", Statement: "var a = System.Reflection.Assembly.LoadFrom(\"{CANARY}\");"),
        new("load-context", "System.Runtime.Loader.AssemblyLoadContext", Statement: "var c = new System.Runtime.Loader.AssemblyLoadContext(\"x\");"),
        new("reflection-on-own-type", "System.Object.GetType (gives a System.Type)", Statement: "var methods = GetType().GetMethods();"),
        new("activator", "System.Activator.CreateInstance", Statement: "var o = Activator.CreateInstance(typeof(object));"),
        new("pinvoke", "extern", Member: "[System.Runtime.InteropServices.DllImport(\"libc\")] private static extern int getpid();"),
        new("native-library", "System.Runtime.InteropServices.NativeLibrary.Load", Statement: "var h = System.Runtime.InteropServices.NativeLibrary.Load(\"libc.so.6\");"),
        new("marshal", "System.Runtime.InteropServices.Marshal.AllocHGlobal", Statement: "var p = System.Runtime.InteropServices.Marshal.AllocHGlobal(8);"),
        new("unsafe-code", "unsafe", Member: "private static unsafe int Peek(int* p) => *p;"),
        new("unsafe-as", "System.Runtime.CompilerServices.Unsafe.As", Statement: "var o = System.Runtime.CompilerServices.Unsafe.As<object>(weights);"),
        new("module-initialiser-exits", "ModuleInitializerAttribute",
            Member: "[System.Runtime.CompilerServices.ModuleInitializer] internal static void Boot() { Environment.Exit(3); }"),
        new("background-thread-writes-later", "System.Threading.Thread",
            Statement: "new System.Threading.Thread(() => { System.Threading.Thread.Sleep(2000); Console.WriteLine(\"late\"); }).Start();"),
        new("task-run", "System.Threading.Tasks.Task.Run", Statement: "System.Threading.Tasks.Task.Run(() => Console.WriteLine(\"later\"));"),
        new("timer", "System.Threading.Timer", Statement: "var t = new System.Threading.Timer(_ => Console.WriteLine(\"tick\"), null, 1000, 1000);"),
        new("redirect-console", "System.Console.SetOut", Statement: "Console.SetOut(new System.IO.StringWriter());"),
        new("read-stdin", "System.Console.In", Statement: "var line = Console.In.ReadLine();"),
        new("gc-tricks", "System.GC", Statement: "GC.TryStartNoGCRegion(1000);"),
        new("dynamic", "dynamic", Statement: "dynamic d = weights; d.Bias = 1;"),
        new("expression-compile", "System.Linq.Expressions", Statement: "var f = System.Linq.Expressions.Expression.Lambda<Func<int>>(System.Linq.Expressions.Expression.Constant(1)).Compile();"),
        new("unsafe-accessor", "UnsafeAccessorAttribute",
            Member: "[System.Runtime.CompilerServices.UnsafeAccessor(System.Runtime.CompilerServices.UnsafeAccessorKind.Field, Name = \"_secret\")] private static extern ref int Secret(object o);"),
        new("delegate-method-info", "System.Delegate.Method", Statement: "Func<int> f = () => 1; var m = f.Method;"),
    ];
}
