using Autograder.Grader.Policy;
using Autograder.Checks;

namespace Autograder.Grader.Tests;

/// <summary>The semantic policy finds banned APIs however they are spelled, and leaves ordinary code alone.</summary>
public sealed class PolicyTests
{
    private const string Usings = "using System; using System.Linq; using System.Collections.Generic;\n";

    [TestCase("System.IO.File.ReadAllText(\"/etc/passwd\");", "System.IO.File.ReadAllText", TestName = "file read by full name")]
    [TestCase("var t = System.IO.File.ReadAllText(\"x\");", "System.IO.File.ReadAllText", TestName = "file read into var")]
    [TestCase("new System.IO.StreamWriter(\"x\").Write(1);", "new System.IO.StreamWriter", TestName = "stream writer")]
    [TestCase("System.Environment.Exit(3);", "System.Environment.Exit", TestName = "environment exit")]
    [TestCase("System.Environment.FailFast(\"x\");", "System.Environment.FailFast", TestName = "fail fast")]
    [TestCase("var v = Environment.GetEnvironmentVariable(\"HOME\");", "System.Environment.GetEnvironmentVariable", TestName = "environment variable")]
    [TestCase("System.Diagnostics.Process.Start(\"sh\");", "System.Diagnostics.Process.Start", TestName = "process start")]
    [TestCase("var c = new System.Net.Http.HttpClient();", "new System.Net.Http.HttpClient", TestName = "network")]
    [TestCase("var a = typeof(string).Assembly;", "System.Type.Assembly", TestName = "reflection through Type")]
    [TestCase("var m = typeof(string).GetMethods();", "System.Type.GetMethods", TestName = "reflection through GetMethods")]
    [TestCase("new System.Threading.Thread(() => { }).Start();", "new System.Threading.Thread", TestName = "thread")]
    [TestCase("System.Threading.Tasks.Task.Run(() => 1);", "System.Threading.Tasks.Task.Run", TestName = "task run")]
    [TestCase("Console.SetOut(Console.Error);", "System.Console.SetOut", TestName = "console redirect")]
    [TestCase("Console.Out.WriteLine(1);", "System.Console.Out", TestName = "console writer reached through a property")]
    [TestCase("var t = typeof(Console).GetMethods();", "System.Type.GetMethods", TestName = "reflection on a type that only qualifies")]
    [TestCase("GC.Collect();", "System.GC.Collect", TestName = "gc")]
    [TestCase("var p = System.Runtime.InteropServices.Marshal.AllocHGlobal(8);", "System.Runtime.InteropServices.Marshal.AllocHGlobal", TestName = "marshal")]
    public void Banned_call_is_reported_with_its_line_and_name(string statement, string api)
    {
        var violations = Violations(Usings + "public static class C {\n public static void M() {\n" + statement + "\n }\n}");

        Assert.That(violations, Is.Not.Empty);
        Assert.That(violations[0].Line, Is.EqualTo(4));
        Assert.That(violations.Select(violation => violation.Api), Has.Some.EqualTo(api).Or.Some.StartsWith(api.Replace("new ", "", StringComparison.Ordinal)));
        Assert.That(violations[0].File, Is.EqualTo("01-perceptron/C.cs"));
    }

    [Test]
    public void Alias_and_using_static_do_not_hide_the_call()
    {
        var violations = Violations(
            "using F = System.IO.File;\nusing static System.Environment;\n" +
            "public static class C { public static void M() { F.Delete(\"x\"); Exit(1); } }");

        Assert.That(violations.Select(violation => violation.Api),
            Is.SupersetOf(new[] { "System.IO.File.Delete", "System.Environment.Exit" }));
    }

    [Test]
    public void Unsafe_code_and_pinvoke_are_reported()
    {
        var violations = Violations(
            "public static class C {\n" +
            " public static unsafe int M(int* p) => *p;\n" +
            " [System.Runtime.InteropServices.DllImport(\"libc\")] public static extern int getpid();\n}");

        Assert.That(violations.Select(violation => violation.Line), Is.SupersetOf(new[] { 2, 3 }));
    }

    [Test]
    public void A_using_directive_alone_is_not_a_violation()
    {
        Assert.That(Violations("using System.IO;\nusing System.Net;\npublic static class C { }"), Is.Empty);
    }

    [Test]
    public void Ordinary_numeric_code_is_allowed()
    {
        var violations = Violations(Usings +
            "public static class C { public static double M(double[] x) {\n" +
            " var list = new List<double>(x.Select(v => Math.Exp(-v)));\n" +
            " var text = string.Join(\",\", list); Console.WriteLine(text); System.Console.Write(text);\n" +
            " var s = new System.Text.StringBuilder(); var r = new Random(1);\n" +
            " Span<double> buffer = stackalloc double[4];\n" +
            " return list.Sum() + r.NextDouble() + buffer.Length + Math.Max(1.0, 2.0); } }");

        Assert.That(violations, Is.Empty);
    }

    [Test]
    public void TorchSharp_is_banned_where_the_exercise_bans_it()
    {
        const string code = "using static TorchSharp.torch;\npublic static class C { public static object M() => ones(3); }";

        Assert.That(Violations(code, [CourseBans.NoTorchSharp]).Single().Reason, Does.Contain("plain C#"));
        Assert.That(Violations(code), Is.Empty, "TorchSharp itself is allowed by the global list");
    }

    [TestCase("System.Type", "public class C { public object M() => GetType(); }", "System.Object.GetType (gives a System.Type)")]
    [TestCase(
        "Autograder.Reference.Training.SteadyAdam",
        "public class C { private readonly Autograder.Reference.Training.SteadyAdam? _inner = null; public object? M() => _inner; }",
        "C._inner (gives an Autograder.Reference.Training.SteadyAdam)")]
    public void A_name_banned_for_what_it_gives_says_what_it_gives(string banned, string code, string api)
    {
        Assert.That(Violations(code, [new(banned, "banned here")]).Select(violation => violation.Api), Does.Contain(api));
    }

    private static IReadOnlyList<PolicyViolation> Violations(string code, IReadOnlyList<BannedApi>? bans = null) =>
        PolicyOf.Violations(code, "01-perceptron/C.cs", bans);
}
