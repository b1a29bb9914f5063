using Autograder.Checks.TorchSharpGpu;
using Autograder.Grader.Policy;

namespace Autograder.Grader.Tests.Hostile;

/// <summary>
/// Attacks through libraries and language corners a deny-list never names: each is refused by the
/// allow-list or a rule of its own, with the API named and the line where it is written.
/// </summary>
public sealed class LibraryAttackTests
{
    private const string File = "01-perceptron/C.cs";

    /// <summary>Line 1-2 usings and class, line 3 the member, line 5 the statement.</summary>
    private static string Snippet(string statement, string member = "") =>
        "using System; using System.Linq; using System.Collections.Generic;\npublic class C {\n" + member +
        "\npublic static void M() {\n" + statement + "\n}\n}";

    public static IEnumerable<TestCaseData> Statements()
    {
        TestCaseData Case(string name, string statement, string api, string reason) =>
            new TestCaseData(statement, api, reason).SetName($"Library({name})");

        // Late-bound reflection that reaches any method, Process.Start included.
        yield return Case("call-by-name",
            "var r = Microsoft.VisualBasic.Interaction.CallByName(new object(), \"ToString\", Microsoft.VisualBasic.CallType.Method);",
            "Microsoft.VisualBasic.Interaction.CallByName", "Microsoft.VisualBasic is not available");
        yield return Case("call-by-name-using-static-alias",
            "var r = Microsoft.VisualBasic.Interaction.Shell(\"sh -c 'touch /tmp/x'\");",
            "Microsoft.VisualBasic.Interaction.Shell", "Microsoft.VisualBasic is not available");
        yield return Case("vb-file-system",
            "Microsoft.VisualBasic.FileSystem.Kill(\"/tmp/canary.txt\");",
            "Microsoft.VisualBasic.FileSystem.Kill", "Microsoft.VisualBasic is not available");
        yield return Case("tar-file",
            "System.Formats.Tar.TarFile.CreateFromDirectory(\"/home\", \"/tmp/all.tar\", false);",
            "System.Formats.Tar.TarFile.CreateFromDirectory", "System.Formats.Tar is not available");
        yield return Case("xml-url-resolver",
            "var s = new System.Xml.XmlUrlResolver().GetEntity(new Uri(\"file:///etc/passwd\"), null, typeof(object));",
            "System.Xml.XmlUrlResolver", "System.Xml is not available");
        yield return Case("xml-writer-create-output-file-name",
            "using var w = System.Xml.XmlWriter.Create(outputFileName: \"/tmp/canary.txt\");",
            "System.Xml.XmlWriter.Create", "System.Xml is not available");
        yield return Case("xml-document-external-entity",
            "var d = new System.Xml.XmlDocument(); d.LoadXml(\"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>\");",
            "System.Xml.XmlDocument", "System.Xml is not available");
        yield return Case("zip-file",
            "System.IO.Compression.ZipFile.ExtractToDirectory(\"a.zip\", \"/tmp\");",
            "System.IO.Compression.ZipFile.ExtractToDirectory", "files are out of reach");
        // Method-group conversion: no call is written, the delegate calls File.ReadAllText later.
        yield return Case("method-group-to-file-read",
            "Func<string, string> read = System.IO.File.ReadAllText; var text = read(\"/etc/passwd\");",
            "System.IO.File.ReadAllText", "files are out of reach");
        yield return Case("method-group-through-linq",
            "var texts = new[] { \"/etc/passwd\" }.Select(System.IO.File.ReadAllText).ToList();",
            "System.IO.File.ReadAllText", "files are out of reach");
        yield return Case("makeref",
            "int x = 1; var r = __makeref(x); __refvalue(r, int) = 2;",
            "__makeref", "undocumented keywords");
        yield return Case("memory-marshal-create-span",
            "var a = new int[1]; var wide = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref a[0], 1 << 20);",
            "System.Runtime.InteropServices.MemoryMarshal.CreateSpan", "native code and raw memory");
        yield return Case("collections-marshal",
            "var list = new List<int> { 1 }; System.Runtime.InteropServices.CollectionsMarshal.SetCount(list, 1 << 20);",
            "System.Runtime.InteropServices.CollectionsMarshal.SetCount", "native code and raw memory");
        // Namespaces nobody listed: closed because they are not on the allow-list.
        yield return Case("cryptography",
            "var h = System.Security.Cryptography.SHA256.HashData(new byte[1]);",
            "System.Security.Cryptography.SHA256.HashData", "System.Security.Cryptography is not available");
        yield return Case("type-descriptor",
            "var p = System.ComponentModel.TypeDescriptor.GetProperties(new object());",
            "System.ComponentModel.TypeDescriptor.GetProperties", "System.ComponentModel is not available");
        yield return Case("serialization",
            "var i = new System.Runtime.Serialization.SerializationInfo(typeof(int), new System.Runtime.Serialization.FormatterConverter());",
            "System.Runtime.Serialization", "System.Runtime.Serialization is not available");
        yield return Case("resources",
            "var r = new System.Resources.ResourceReader(\"/tmp/x.resources\");",
            "new System.Resources.ResourceReader", "reflection is not allowed");
        yield return Case("time-zone-reads-files",
            "var z = TimeZoneInfo.FindSystemTimeZoneById(\"Europe/Berlin\");",
            "System.TimeZoneInfo.FindSystemTimeZoneById", "System.TimeZoneInfo is not available");
        yield return Case("array-pool-shared-with-grader",
            "var a = System.Buffers.ArrayPool<double>.Shared.Rent(16);",
            "System.Buffers.ArrayPool", "System.Buffers.ArrayPool is not available");
        yield return Case("plinq-extension",
            "var s = new[] { 1, 2 }.AsParallel().Sum();",
            "System.Linq.ParallelEnumerable.AsParallel", "threads, tasks and timers");
        yield return Case("process-in-a-type-argument",
            "var l = new List<System.Diagnostics.Process>();",
            "System.Diagnostics.Process", "processes");
        yield return Case("is-pattern-on-banned-type",
            "object o = 1; if (o is System.IO.FileInfo f) { }",
            "System.IO.FileInfo", "files are out of reach");
        yield return Case("type-from-get-type",
            "var t = typeof(int).GetType();",
            "System.Type.GetType", "reflection is not allowed");
        yield return Case("create-delegate-by-name",
            "var d = Delegate.CreateDelegate(typeof(Func<string, string>), typeof(string), \"Intern\");",
            "System.Delegate.CreateDelegate", "reflection is not allowed");
        yield return Case("process-wide-culture",
            "System.Globalization.CultureInfo.DefaultThreadCurrentCulture = new System.Globalization.CultureInfo(\"de-DE\");",
            "System.Globalization.CultureInfo.DefaultThreadCurrentCulture", "whole process");
        yield return Case("uri-to-a-file",
            "var u = new Uri(\"file:///etc/passwd\").LocalPath;",
            "System.Uri", "System.Uri is not available");
        yield return Case("dynamic-needs-the-binder",
            "dynamic d = 1; d.Foo();",
            "dynamic", "reflection");
    }

    public static IEnumerable<TestCaseData> Members()
    {
        TestCaseData Case(string name, string member, string api, string reason) =>
            new TestCaseData(member, api, reason).SetName($"Library({name})");

        yield return Case("function-pointer",
            "static unsafe void P() { delegate*<void> f = &P; f(); }",
            "delegate*", "function pointers");
        // Two references at one offset: the runtime allows it, and a string is then read as an array.
        yield return Case("explicit-layout-type-confusion",
            "[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit)] struct Confused { " +
            "[System.Runtime.InteropServices.FieldOffset(0)] public string S; [System.Runtime.InteropServices.FieldOffset(0)] public int[] A; }",
            "System.Runtime.InteropServices.StructLayoutAttribute", "native code and raw memory");
        yield return Case("skip-locals-init",
            "[System.Runtime.CompilerServices.SkipLocalsInit] static int Peek() { Span<int> s = stackalloc int[64]; return s[7]; }",
            "System.Runtime.CompilerServices.SkipLocalsInitAttribute", "System.Runtime.CompilerServices.SkipLocalsInitAttribute is not available");
        yield return Case("inline-array",
            "[System.Runtime.CompilerServices.InlineArray(4)] struct Four { private int _e; }",
            "System.Runtime.CompilerServices.InlineArrayAttribute", "is not available");
        yield return Case("arglist",
            "static int Count(__arglist) => 0;",
            "__arglist", "undocumented keywords");
        yield return Case("attribute-typeof-banned-type",
            "[System.ComponentModel.TypeConverter(typeof(System.IO.File))] class Tagged { }",
            "System.IO.File", "files are out of reach");
        yield return Case("base-type-outside-the-list",
            "class Loader : System.Runtime.Loader.AssemblyLoadContext { }",
            "System.Runtime.Loader.AssemblyLoadContext", "generating or loading code");
        yield return Case("generic-constraint",
            "static void G<T>() where T : System.IO.FileSystemInfo { }",
            "System.IO.FileSystemInfo", "files are out of reach");
        yield return Case("async-runs-later",
            "static async void Later() { }",
            "async", "runs later");
        yield return Case("finaliser-runs-later",
            "~C() { Console.WriteLine(\"after the check\"); }",
            "~finaliser", "runs later");
    }

    [TestCaseSource(nameof(Statements))]
    public void Statement_is_refused_with_the_api_named_on_its_line(string statement, string api, string reason) =>
        AssertRefused(Snippet(statement), line: 5, api, reason);

    [TestCaseSource(nameof(Members))]
    public void Member_is_refused_with_the_api_named_on_its_line(string member, string api, string reason) =>
        AssertRefused(Snippet("", member), line: 3, api, reason);

    [Test]
    public void Tensorboard_summary_writer_is_refused_in_a_torchsharp_exercise()
    {
        var code = "using TorchSharp;\npublic static class C {\npublic static void M() {\n" +
            "var w = torch.utils.tensorboard.SummaryWriter(log_dir: \"/tmp/logs\");\n}\n}";

        var violations = PolicyOf.Violations(code, "04-torchsharp-gpu/C.cs", TorchNetworkChecks.Exercise.Bans);

        var violation = violations.Single();
        Assert.That(violation.Api, Is.EqualTo("TorchSharp.torch.utils.tensorboard.SummaryWriter"));
        Assert.That(violation.Line, Is.EqualTo(4));
        Assert.That(violation.Reason, Does.Contain("tensorboard logs are out of reach"));
    }

    [TestCase("torch.nn.Linear(2, 2).save(\"/tmp/w.bin\");", "TorchSharp.torch.nn.Module.save(location)", TestName = "Library(module-save-to-a-path)")]
    [TestCase("var t = torch.zeros(1); t.save(\"/tmp/t.bin\");", "TorchSharp.torch.Tensor.save(location)", TestName = "Library(tensor-save-to-a-path)")]
    [TestCase("var p = torch.zeros(1).Handle;", "TorchSharp.torch.Tensor.Handle", TestName = "Library(tensor-native-handle)")]
    public void TorchSharp_files_and_handles_are_refused(string statement, string api)
    {
        var code = "using TorchSharp;\npublic static class C {\npublic static void M() {\n" + statement + "\n}\n}";

        var violations = PolicyOf.Violations(code, "04-torchsharp-gpu/C.cs", TorchNetworkChecks.Exercise.Bans);

        Assert.That(violations.Select(violation => violation.Api), Has.Member(api), string.Join('\n', violations));
        Assert.That(violations.Single(violation => violation.Api == api).Line, Is.EqualTo(4));
    }

    [TestCase("outputFileName")]
    [TestCase("sourceDirectoryName")]
    [TestCase("destinationArchiveFileName")]
    [TestCase("log_dir")]
    [TestCase("LOG_DIR")]
    [TestCase("logdir")]
    [TestCase("fileName")]
    [TestCase("FILENAME")]
    [TestCase("savePath")]
    [TestCase("dirPath")]
    [TestCase("folder")]
    [TestCase("location")]
    [TestCase("map_location")]
    [TestCase("uri")]
    [TestCase("baseUrl")]
    [TestCase("root")]
    [TestCase("dst")]
    public void A_parameter_named_like_a_path_means_a_path(string name) =>
        Assert.That(PathParameters.MeansPath(name), Is.True);

    [TestCase("name")]
    [TestCase("direction")]
    [TestCase("mode")]
    [TestCase("reduction")]
    [TestCase("equation")]
    [TestCase("newLine")]
    [TestCase("padding_mode")]
    [TestCase("nonlinearity")]
    [TestCase("separator")]
    [TestCase("format")]
    public void An_ordinary_string_parameter_is_not_a_path(string name) =>
        Assert.That(PathParameters.MeansPath(name), Is.False);

    [Test]
    public void A_line_directive_is_refused_and_does_not_move_other_violations()
    {
        var code = "using System;\npublic static class C {\npublic static void M() {\n#line 1 \"innocent.cs\"\nSystem.IO.File.Delete(\"x\");\n}\n}";

        var violations = PolicyOf.Violations(code, File);

        Assert.That(violations.Select(violation => (violation.File, violation.Line, violation.Api)),
            Is.EquivalentTo(new[] { (File, 4, "#line"), (File, 5, "System.IO.File.Delete") }));
    }

    [Test]
    public void A_namespace_of_the_platform_cannot_be_declared()
    {
        // The compiler honours ModuleInitializerAttribute by its name, whoever declares it.
        var code = "namespace System.Runtime.CompilerServices\n{\n    public sealed class ModuleInitializerAttribute : System.Attribute { }\n}";

        var violations = PolicyOf.Violations(code, File);

        Assert.That(violations.Select(violation => violation.Api), Has.Member("namespace System.Runtime.CompilerServices"));
    }

    [Test]
    public void Ordinary_code_in_allowed_areas_passes()
    {
        var code = Snippet(
            "var words = System.Text.RegularExpressions.Regex.Split(\"a b\", \"\\\\s+\");\n" +
            "var counts = new Dictionary<string, int>(); foreach (var w in words) { counts[w] = counts.GetValueOrDefault(w) + 1; }\n" +
            "var (first, second) = (words[0], words.Length); var q = from w in words where w.Length > 0 select w.ToUpperInvariant();\n" +
            "var sb = new System.Text.StringBuilder(); sb.Append($\"{first}:{second:F2}\"); Console.WriteLine(sb.ToString());\n" +
            "var n = nameof(System.IO.File.ReadAllText); var big = System.Numerics.BigInteger.Pow(2, 70); var c = new System.Numerics.Complex(1, 2);\n" +
            "var s = new System.Diagnostics.Stopwatch(); var span = new Span<double>(new double[3]); var r = new Random(1).NextDouble();\n" +
            "var p = new Point(1, 2) with { X = 3 }; var t = p.ToString() + string.Join(',', q) + Math.Sqrt(2) + big + c + r + span.Length + s.ElapsedTicks + n;\n" +
            "var culture = System.Globalization.CultureInfo.InvariantCulture; var parsed = double.Parse(\"1.5\", culture);",
            "public sealed record Point(int X, int Y);");

        Assert.That(PolicyOf.Violations(code, File), Is.Empty);
    }

    /// <summary>Through the whole pipeline: an API outside the reference set reaches the learner as a policy result, not a bare compile error.</summary>
    [TestCase("var d = new System.Xml.XmlDocument();", "new System.Xml.XmlDocument")]
    [TestCase("var r = Microsoft.VisualBasic.Interaction.CallByName(weights, \"ToString\", Microsoft.VisualBasic.CallType.Method);", "Microsoft.VisualBasic.Interaction.CallByName")]
    [TestCase("System.Formats.Tar.TarFile.ExtractToDirectory(\"/tmp/a.tar\", \"/tmp\", true);", "System.Formats.Tar.TarFile.ExtractToDirectory")]
    public void An_api_outside_the_reference_set_is_reported_as_a_policy_violation(string statement, string api)
    {
        var source = PerceptronSource.With(statement);
        var line = source[..source.IndexOf(statement, StringComparison.Ordinal)].Count(character => character == '\n') + 1;
        using var folder = new TempFolder("library-attack");

        var result = Course.Grader().Grade(SubmissionReader.Read(PerceptronSource.WriteSubmission(folder.Path, source)), ["01-perceptron"]).Exercises.Single();

        Assert.That(result.Status, Is.EqualTo(ResultStatus.Error));
        Assert.That(result.Score, Is.Zero);
        Assert.That(result.Message, Does.Contain("does not allow"));
        Assert.That(result.Message, Does.Contain($"01-perceptron/Perceptron.cs line {line}: {api}"));
    }

    private static void AssertRefused(string code, int line, string api, string reason)
    {
        var violations = PolicyOf.Violations(code, File);

        var found = violations.Where(violation => violation.Api.Contains(api, StringComparison.Ordinal)).ToList();
        Assert.That(found, Is.Not.Empty, $"expected {api}, got:\n{string.Join('\n', violations)}");
        Assert.That(found[0].File, Is.EqualTo(File));
        Assert.That(found[0].Line, Is.EqualTo(line), string.Join('\n', violations));
        Assert.That(found[0].Reason, Does.Contain(reason), string.Join('\n', violations));
    }
}
