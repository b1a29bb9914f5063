using System.Diagnostics;
using Autograder.Grader.Policy;

namespace Autograder.Grader.Tests;

/// <summary>
/// Source text built to crash or stall the compiler: each ends in a compile failure that names the
/// limit, never in a stack overflow of the grader or a compile that runs past its time limit.
/// </summary>
public sealed class CompileLimitTests
{
    private const string File = "01-perceptron/Perceptron.cs";

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    public static IEnumerable<TestCaseData> Bombs()
    {
        yield return new TestCaseData("class C { int M() => " + new string('(', 60_000) + "1" + new string(')', 60_000) + "; }", "too deeply nested (depth 201 at 01-perceptron/Perceptron.cs line 1")
            .SetName("Compile_limit(60000 nested parentheses)");
        yield return new TestCaseData("class C { object M() => new object[] " + Repeat("{", 100_000) + Repeat("}", 100_000) + "; }", "too deeply nested (depth 201")
            .SetName("Compile_limit(100000 nested braces)");
        yield return new TestCaseData("using System.Collections.Generic; class C { " + Repeat("List<", 100_000) + "int" + new string('>', 100_000) + " f; }", "too deeply nested (depth 201")
            .SetName("Compile_limit(100000 nested generic arguments)");
        yield return new TestCaseData("class C { int M(int x) => x" + Repeat("+1", 5_000_000) + "; }", "the limit is 2 MiB")
            .SetName("Compile_limit(10 MB of +1)");
        yield return new TestCaseData("class C { void M(int x) {\n" + Repeat("if (x > 0)\n", 150_000) + "x++; } }", "too deeply nested for the compiler (at 01-perceptron/Perceptron.cs line")
            .SetName("Compile_limit(150000-deep if chain)");
        yield return new TestCaseData("class C { int M(int x) {\nif (x == 0) return 0;\n" + string.Concat(Enumerable.Range(1, 60_000).Select(i => $"else if (x == {i}) return {i};\n")) + "return -1; } }", "too deeply nested")
            .SetName("Compile_limit(60000 else-if chain)");
        yield return new TestCaseData("class C { C X => this; object M() => this" + Repeat(".X", 200_000) + "; }", "too deeply nested")
            .SetName("Compile_limit(200000 member accesses)");
        yield return new TestCaseData("class C { bool M(object x) => x is " + Repeat("not ", 200_000) + "null; }", "too deeply nested")
            .SetName("Compile_limit(200000 not patterns)");
        yield return new TestCaseData("class C { int M(int x) => " + Repeat("-(int)", 200_000) + "x; }", "too deeply nested for the compiler (at 01-perceptron/Perceptron.cs line 1)")
            .SetName("Compile_limit(200000 unary operators and casts)");
        yield return new TestCaseData("class C { int M(int x) => " + Repeat("x > 0 ? 1 : ", 100_000) + "0; }", "too deeply nested")
            .SetName("Compile_limit(100000 conditional operators)");
        yield return new TestCaseData(LambdaBomb(16, ["int", "string", "double", "long"]), "too many lambdas nested inside one another (4 at 01-perceptron/Perceptron.cs line 1; the limit is 3)")
            .SetName("Compile_limit(16 nested lambdas passed to an overloaded method)");
        yield return new TestCaseData("class C { C X; object M() => this" + Repeat("?.X", 100_000) + "; }", "too deeply nested (depth 201")
            .SetName("Compile_limit(100000 conditional accesses)");
        yield return new TestCaseData("class C { bool M(int x) => x" + Repeat(" < x", 100_000) + "; }", "too deeply nested (depth 201")
            .SetName("Compile_limit(100000 less-than)");
        yield return new TestCaseData("unsafe class C { int" + new string('*', 100_000) + " p; }", "too deeply nested")
            .SetName("Compile_limit(100000-deep pointer type)");
        yield return new TestCaseData("class C { string M(int x) => " + Repeat("$\"{", 50_000) + "x" + Repeat("}\"", 50_000) + "; }", "too deeply nested")
            .SetName("Compile_limit(50000 nested interpolated strings)");
    }

    [TestCaseSource(nameof(Bombs))]
    public void A_bomb_is_a_compile_failure_that_names_the_limit(string source, string expected)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = SubmissionCompiler.Compile("Bomb", [new SourceFile(File, source)]);

        Assert.That(result, Is.TypeOf<CompileResult.Failure>());
        Assert.That(((CompileResult.Failure)result).Limit, Does.Contain(expected));
        Assert.That(stopwatch.Elapsed, Is.LessThan(CompileLimits.Default.TimeLimit + TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void A_compile_past_its_time_limit_is_a_failure_that_says_so()
    {
        // Three lambdas deep (allowed) through 32 overloads: tens of seconds of overload resolution.
        var source = LambdaBomb(3, ["int", "string", "double", "long", "float", "bool", "char", "byte",
            "short", "uint", "ulong", "ushort", "sbyte", "decimal", "object", "System.DateTime"]);
        var stopwatch = Stopwatch.StartNew();

        var result = SubmissionCompiler.Compile("Slow", [new SourceFile(File, source)], CompileLimits.Default with { TimeLimit = TimeSpan.FromSeconds(2) });

        Assert.That(((CompileResult.Failure)result).Limit, Does.StartWith("compiling took longer than 2 s (01-perceptron/Perceptron.cs)"));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(6)));
    }

    [Test]
    public void A_policy_walk_past_its_time_limit_is_refused_with_a_message_that_says_so()
    {
        // Compiles (about 2 s alone, beyond 10 s beside other tests: so a patient compile); the
        // walk binds the same lambdas again.
        var compiled = SubmissionCompiler.Compile("SlowWalk", [new SourceFile(File, SlowBinding())], Patient);
        Assert.That(compiled, Is.TypeOf<CompileResult.Success>(), () => compiled.ToString());
        WarmThePolicy();
        var stopwatch = Stopwatch.StartNew();

        var result = ApiPolicy.CheckWithin(((CompileResult.Success)compiled).Compilation, [], limits: ShortWalk);

        Assert.That(result.Limit, Does.StartWith("checking which APIs it uses took longer than 0.2 s (01-perceptron/Perceptron.cs). Nested lambdas"));
        Assert.That(result.Violations, Is.Empty);
        Assert.That(stopwatch.Elapsed, Is.LessThan(ShortWalk.TimeLimit + TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void A_diagnosis_of_a_missing_api_past_its_time_limit_gives_the_plain_errors_and_says_so()
    {
        // The same slow lambdas plus one API outside the course's reference set: the compile fails
        // fast on the missing namespace, and the diagnosis compiles and walks it all again.
        var files = new[] { new SourceFile(File, SlowBinding().Replace("void T() {", "object H() => new System.Net.Http.HttpClient(); void T() {", StringComparison.Ordinal)) };
        var failed = (CompileResult.Failure)SubmissionCompiler.Compile("SlowDiagnosis", files, Patient);
        Assert.That(failed.Errors.Select(error => error.Code), Is.EqualTo(new[] { "CS0234" }));
        WarmThePolicy();
        var stopwatch = Stopwatch.StartNew();

        var diagnosis = UnavailableApis.Diagnose(files, failed.Errors, [], limits: ShortWalk);

        Assert.That(diagnosis.Limit, Does.StartWith("checking which APIs it uses took longer than 0.2 s (01-perceptron/Perceptron.cs). Nested lambdas"));
        Assert.That(diagnosis.Violations, Is.Empty);
        Assert.That(diagnosis.Errors, Is.EqualTo(failed.Errors));
        Assert.That(stopwatch.Elapsed, Is.LessThan(ShortWalk.TimeLimit + TimeSpan.FromSeconds(3)));
    }

    private static readonly CompileLimits Patient = CompileLimits.Default with { TimeLimit = TimeSpan.FromMinutes(5) };

    private static readonly CompileLimits ShortWalk = CompileLimits.Default with { TimeLimit = TimeSpan.FromSeconds(0.2) };

    /// <summary>The clock of a walk starts after its warm-up on trusted text; these tests time only the learner's part.</summary>
    private static void WarmThePolicy()
    {
        var trivial = new[] { new SourceFile(File, "class C { object H() => new System.Net.Http.HttpClient(); }") };
        var failed = (CompileResult.Failure)SubmissionCompiler.Compile("Warm", trivial);
        _ = UnavailableApis.Diagnose(trivial, failed.Errors, []);
        _ = ApiPolicy.CheckWithin(((CompileResult.Success)SubmissionCompiler.Compile("Warm", [new SourceFile(File, "class C { }")])).Compilation, []);
    }

    /// <summary>
    /// Legal code (lambdas 3 deep) that binds slowly: each lambda goes to a method with 16
    /// overloads, and only the innermost body (40 uses of <c>Length</c>) says which one. About 2 s
    /// to compile here, and as long again to walk or to diagnose.
    /// </summary>
    private static string SlowBinding()
    {
        string[] types = ["int", "string", "double", "long", "float", "bool", "char", "byte"];
        var overloads = string.Concat(types.Select(type => $"void M(System.Func<{type}, int> f) {{ }} void M(System.Action<{type}> f) {{ }} "));
        var body = string.Join(" + ", Enumerable.Repeat("a0.Length + a1.Length + a2.Length", 40));
        return $"class C {{ {overloads}void T() {{ M(a0 => M(a1 => M(a2 => {body}))); }} }}";
    }

    [TestCase("(", ")")]
    [TestCase("-(int)", "")]
    [TestCase("x > 0 ? 1 : ", "")]
    public void The_deepest_tree_the_limits_allow_compiles_and_passes_the_policy_on_a_1_MiB_stack(string open, string close)
    {
        // The grader walks learner code on RoslynThread's large stack, but ApiPolicy.Check itself
        // still runs on its caller's thread for trusted text (tools, the batch warm-up): an
        // ordinary stack must hold the deepest tree the limits allow.
        var depth = CompileLimits.Default.MaxDepth;
        string? error = null;
        for (var nesting = depth; nesting > 0 && error is null; nesting -= 10)
        {
            var source = "class C { int M(int x) => " + Repeat(open, nesting) + "x" + Repeat(close, nesting) + "; }";
            var result = SubmissionCompiler.Compile("Deep", [new SourceFile(File, source)]);
            if (result is not CompileResult.Success success)
            {
                continue;
            }

            var thread = new Thread(() =>
            {
                try
                {
                    _ = ApiPolicy.Check(success.Compilation, []);
                }
                catch (Exception e)
                {
                    error = e.GetType().Name;
                }
            }, 1024 * 1024);
            thread.Start();
            thread.Join();
            Assert.That(error, Is.Null, $"the policy failed at nesting {nesting}");
            return;
        }

        Assert.Fail("no nesting below the limit compiled");
    }

    [TestCase("var s = \"((((((((((\";", 0)]
    [TestCase("// ((((((((((\nvar c = '(';", 0)]
    [TestCase("var s = @\"(((\"\"((((\";", 0)]
    [TestCase("var s = \"\"\"\n((((((((\n\"\"\";", 0)]
    [TestCase("var s = $\"{((((1))))}\";", 5)]
    [TestCase("if (a < b && c < d) { x = 1; }", 2)]
    [TestCase("var y = x?.a?.b ?? (z is not null ? 1 : 2);", 6)]
    public void The_bracket_scan_skips_comments_and_strings(string code, int expectedDepth)
    {
        Assert.That(NestingDepth.FirstBeyond(code, expectedDepth), Is.Null);
        if (expectedDepth > 0)
        {
            Assert.That(NestingDepth.FirstBeyond(code, expectedDepth - 1), Is.Not.Null);
        }
    }

    [Test]
    public void Every_solution_and_stub_keeps_the_limits()
    {
        foreach (var file in Directory.EnumerateFiles(Support.Course.PathOf("solutions"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Support.Course.PathOf("exercises"), "*.cs", SearchOption.AllDirectories)))
        {
            var text = System.IO.File.ReadAllText(file);
            Assert.That(NestingDepth.FirstBeyond(text, CompileLimits.Default.MaxDepth), Is.Null, file);
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text, path: file);
            Assert.That(SyntaxLimits.Check(tree, CompileLimits.Default), Is.Null, file);
        }
    }

    private static string LambdaBomb(int depth, string[] types)
    {
        var overloads = string.Concat(types.Select(type => $"void M(System.Func<{type}, int> f) {{ }} void M(System.Action<{type}> f) {{ }} "));
        var call = string.Concat(Enumerable.Range(0, depth).Select(i => $"M(a{i} => ")) + "0" + new string(')', depth);
        return $"class C {{ {overloads}void T() {{ {call}; }} }}";
    }
}
