using Autograder.Authoring.Fixtures;
using Autograder.Grader.Similarity;

namespace Autograder.Grader.Tests.Similarity;

/// <summary>
/// `grader similarity` finds disguised copies, spares independent solutions and never matches
/// the starter code. No numerics are seeded here: normalisation and winnowing are deterministic.
/// </summary>
[TestFixture]
public sealed class SimilarityTests
{
    private static readonly string Exercises = Course.PathOf("exercises");

    private static readonly string Solutions = Course.PathOf("solutions");

    private static readonly string AlternativesRoot = Course.PathOf("tests", "Grader.Tests", "Alternatives");

    // Each alternative, made from its mistake.txt once for the fixture: name, then submission root.
    private readonly Dictionary<string, EditedSubmission> alternatives = [];

    [OneTimeSetUp]
    public void MakeAlternatives()
    {
        foreach (var folder in Directory.GetDirectories(AlternativesRoot).Order(StringComparer.Ordinal))
        {
            alternatives[Path.GetFileName(folder)] = EditedSubmission.Create(folder, Solutions);
        }
    }

    [OneTimeTearDown]
    public void DeleteAlternatives()
    {
        foreach (var alternative in alternatives.Values)
        {
            alternative.Dispose();
        }
    }

    /// <summary>
    /// The share of an alternative's substantive lines (12 characters or more, not comments, not
    /// using or namespace lines) that appear verbatim in the reference solution's file of the same
    /// name: how far it was written by editing the reference rather than on its own. Usings and
    /// namespaces are what the detector drops too (<see cref="CodeNormalizer"/>): which usings a
    /// course declares for every file says nothing of who wrote the code.
    /// </summary>
    private double VerbatimShare(string alternative)
    {
        var lines = 0;
        var verbatim = 0;
        foreach (var file in Directory.GetFiles(alternatives[alternative].Root, "*.cs", SearchOption.AllDirectories))
        {
            var exercise = Path.GetFileName(Path.GetDirectoryName(file)!);
            var reference = Path.Combine(Solutions, exercise, Path.GetFileName(file));
            var referenceLines = File.Exists(reference) ? File.ReadLines(reference).Select(l => l.Trim()).ToHashSet() : [];
            foreach (var line in File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length >= 12 && !l.StartsWith("//", StringComparison.Ordinal)
                && !l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("namespace ", StringComparison.Ordinal)))
            {
                lines++;
                verbatim += referenceLines.Contains(line) ? 1 : 0;
            }
        }

        return (double)verbatim / Math.Max(1, lines);
    }

    private IEnumerable<string> AlternativesWhere(Func<double, bool> share) =>
        alternatives.Keys.Where(a => share(VerbatimShare(a))).Order(StringComparer.Ordinal);

    private static SimilarityReport Analyse(ClassDir dir, SimilarityOptions? options = null)
    {
        options ??= new SimilarityOptions { Input = dir.Path };
        var starter = StarterCode.Load(Exercises, options.KGram);
        return SimilarityAnalysis.Run(new ClassIntakeReader(Exercises).Read(dir.Path), starter, options);
    }

    [Test]
    public void ARenamedReorderedReformattedCopyIsFoundInEveryExercise()
    {
        using var dir = new ClassDir();
        dir.AddStudent("original", Solutions);
        dir.AddStudent("copier", Solutions, Disguise.Apply);
        dir.AddStudent("beginner", Exercises);

        var report = Analyse(dir);

        var exercises = Directory.GetDirectories(Solutions).Select(Path.GetFileName).OfType<string>()
            .Where(name => char.IsAsciiDigit(name[0])).Order(StringComparer.Ordinal).ToList();
        foreach (var exercise in exercises)
        {
            var pair = report.Pairs.SingleOrDefault(p => p.Exercise == exercise);
            Assert.That(pair, Is.Not.Null, $"{exercise}: the disguised copy was not found");
            TestContext.Out.WriteLine($"{exercise}: {pair!.Similarity:P0} ({pair.SharedFingerprints} of {Math.Min(pair.FingerprintsA, pair.FingerprintsB)})");
            Assert.That((pair.StudentA, pair.StudentB), Is.EqualTo(("copier", "original")), exercise);
            Assert.That(pair.Similarity, Is.GreaterThanOrEqualTo(0.9), exercise);
            Assert.That(pair.Regions, Is.Not.Empty, exercise);
        }

        Assert.That(report.Pairs.Select(p => p.Exercise), Is.EquivalentTo(exercises), "only the copier and the original pair up");
    }

    [Test]
    public void ACopyPaddedWithExtraCodeIsStillFound()
    {
        using var dir = new ClassDir();
        dir.AddStudent("original", Solutions, onlyExercise: "03-backprop");
        dir.AddStudent("padder", Solutions, (text, all) => Disguise.Apply(text, all).Replace(
            "public sealed class",
            """
            internal static class Padding
            {
                public static double Mean(double[] values) { var sum = 0.0; foreach (var v in values) { sum += v; } return sum / values.Length; }
                public static double Max(double[] values) { var best = double.MinValue; for (var i = 0; i < values.Length; i++) { if (values[i] > best) { best = values[i]; } } return best; }
            }
            public sealed class
            """), onlyExercise: "03-backprop");

        var pair = Analyse(dir).Pairs.Single();

        Assert.That(pair.Similarity, Is.GreaterThanOrEqualTo(0.9));
        Assert.That(pair.FingerprintsB, Is.GreaterThan(pair.FingerprintsA), "the padding adds fingerprints of its own");
    }

    /// <summary>Alternatives of which less than half the lines are the reference's: written on their own.</summary>
    [Test]
    public void IndependentCorrectSolutionsStayBelowTheThreshold()
    {
        using var dir = new ClassDir();
        dir.AddStudent("reference", Solutions);
        var independent = AlternativesWhere(share => share < 0.5).ToList();
        Assert.That(independent, Has.Count.GreaterThanOrEqualTo(8), "enough independent alternatives to mean something");
        foreach (var alternative in independent)
        {
            dir.AddStudent(alternative, alternatives[alternative].Root);
        }

        // Every pair with anything in common, to show the margin below the reporting threshold.
        var report = Analyse(dir, new SimilarityOptions { Input = dir.Path, Threshold = 0, MinShared = 1 });
        foreach (var pair in report.Pairs)
        {
            TestContext.Out.WriteLine($"{pair.Exercise} {pair.StudentA} ~ {pair.StudentB}: {pair.Similarity:P0} ({pair.SharedFingerprints} of {Math.Min(pair.FingerprintsA, pair.FingerprintsB)})");
        }

        var reported = report.Pairs.Where(p => p.Similarity >= SimilarityOptions.DefaultThreshold && p.SharedFingerprints >= SimilarityOptions.DefaultMinShared);
        Assert.That(reported.Select(p => $"{p.Exercise} {p.StudentA} ~ {p.StudentB}: {p.Similarity:P0}"), Is.Empty);
    }

    /// <summary>
    /// Alternatives made by editing the reference (70 % or more of their lines verbatim: fields
    /// reordered, one method rewritten) are copies as far as similarity goes, and are reported.
    /// </summary>
    [Test]
    public void AlternativesEditedFromTheReferenceAreReported()
    {
        var edited = AlternativesWhere(share => share >= 0.7).ToList();
        Assert.That(edited, Has.Count.GreaterThanOrEqualTo(5));
        foreach (var alternative in edited)
        {
            using var dir = new ClassDir();
            dir.AddStudent("reference", Solutions);
            dir.AddStudent(alternative, alternatives[alternative].Root);

            var report = Analyse(dir);

            TestContext.Out.WriteLine($"{alternative} ({VerbatimShare(alternative):P0} verbatim): {string.Join(", ", report.Pairs.Select(p => $"{p.Exercise} {p.Similarity:P0}"))}");
            Assert.That(report.Pairs, Is.Not.Empty, alternative);
        }
    }

    [Test]
    public void CodeNestedTooDeeplyToParseIsSkippedWithAReasonAndTheOthersAreCompared()
    {
        // 60,000 nested parentheses overflowed the stack of the thread that parsed them, which
        // ended the process (`grader similarity`, and `grader batch` at its similarity step).
        using var dir = new ClassDir();
        dir.AddStudent("a", Solutions, onlyExercise: "01-perceptron");
        dir.AddStudent("b", Solutions, onlyExercise: "01-perceptron");
        dir.Write("c", "01-perceptron", "Perceptron.cs", "class C { int M() => " + new string('(', 60_000) + "1" + new string(')', 60_000) + "; }");

        var report = Analyse(dir);

        Assert.That(report.Skipped.Select(s => $"{s.Entry}: {s.Reason}"), Does.Contain("c/01-perceptron: the code could not be parsed for comparison (nested too deeply)"));
        Assert.That(report.Pairs.Select(p => $"{p.StudentA} ~ {p.StudentB}"), Is.EqualTo(new[] { "a ~ b" }));
    }

    [Test]
    public void UntouchedStubsNeverMatch()
    {
        using var dir = new ClassDir();
        dir.AddStudent("a", Exercises);
        dir.AddStudent("b", Exercises);
        dir.AddStudent("c", Exercises, Disguise.Apply);
        dir.AddStudent("d", Solutions);

        var report = Analyse(dir, new SimilarityOptions { Input = dir.Path, Threshold = 0, MinShared = 1 });

        Assert.That(report.Pairs.Select(p => $"{p.Exercise} {p.StudentA} ~ {p.StudentB}"), Is.Empty);
    }

    [Test]
    public void AStubHasNoFingerprintsOnceTheStarterIsSubtracted()
    {
        var starter = StarterCode.Load(Exercises, SimilarityOptions.DefaultKGram);
        foreach (var exercise in Directory.GetDirectories(Exercises))
        {
            var files = Directory.GetFiles(exercise, "*.cs").Select(f => new Compile.SourceFile(Path.GetFileName(f), File.ReadAllText(f))).ToList();
            var prints = Fingerprints.Winnow(Fingerprints.KGrams(CodeNormalizer.Normalize(files).Tokens, SimilarityOptions.DefaultKGram), SimilarityOptions.DefaultWindow);
            prints.ExceptWith(starter.KGramsOf(Path.GetFileName(exercise)));
            Assert.That(prints, Is.Empty, exercise);
        }
    }

    [Test]
    public void NormalisationIgnoresNamesLiteralsCommentsLayoutAndMemberOrder()
    {
        const string First = """
            namespace A;
            // a comment
            public sealed class Net { private int _size = 3; public int Twice(int x) => x * 2 + _size; }
            """;
        const string Second = """
            namespace Other.Name;
            public sealed class Model
            {
                /* other comment */
                public int Double(int value)
                    => value * 2 + count;

                private int count = 7;
            }
            """;

        var a = CodeNormalizer.Normalize([new Compile.SourceFile("a.cs", First)]).Tokens.Select(t => t.Hash);
        var b = CodeNormalizer.Normalize([new Compile.SourceFile("b.cs", Second)]).Tokens.Select(t => t.Hash);

        Assert.That(b, Is.EqualTo(a));
    }

    [Test]
    public void ApiNamesAreKeptSoDifferentCallsDiffer()
    {
        var relu = CodeNormalizer.Normalize([new Compile.SourceFile("a.cs", "class C { double F(double x) => Math.Max(0, x); }")]).Tokens;
        var tanh = CodeNormalizer.Normalize([new Compile.SourceFile("b.cs", "class C { double F(double x) => Math.Min(0, x); }")]).Tokens;

        Assert.That(relu.Select(t => t.Hash), Is.Not.EqualTo(tanh.Select(t => t.Hash)));
    }

    [Test]
    public void TheRunnerWritesEscapedHtmlAndIdenticalFilesTwice()
    {
        using var dir = new ClassDir();
        dir.AddStudent("original", Solutions, onlyExercise: "01-perceptron");
        dir.AddStudent("copier", Solutions, (text, _) => "// </pre><script>alert(1)</script>\n" + text.Replace("namespace", "/* <img src=x onerror=alert(2)> */ namespace"), onlyExercise: "01-perceptron");
        var outDir = Path.Combine(dir.Root, "out");
        var options = new SimilarityOptions { Input = dir.Path, OutDir = outDir, StarterDir = Exercises };

        Assert.That(SimilarityRunner.Run(options, TextWriter.Null, TextWriter.Null), Is.Zero);
        var first = Directory.GetFiles(outDir).Order().Select(File.ReadAllBytes).ToList();
        Assert.That(SimilarityRunner.Run(options, TextWriter.Null, TextWriter.Null), Is.Zero);
        var second = Directory.GetFiles(outDir).Order().Select(File.ReadAllBytes).ToList();

        Assert.That(second, Is.EqualTo(first), "the same class gives the same files");
        var html = File.ReadAllText(Path.Combine(outDir, SimilarityHtml.FileName));
        Assert.That(html, Does.Not.Contain("<script>").And.Not.Contain("<img"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        Assert.That(html, Does.Contain("class=\"m0\""), "the shared region is marked");
        Assert.That(File.ReadAllText(Path.Combine(outDir, SimilarityFiles.Csv)), Does.Contain("\"01-perceptron\",\"copier\",\"original\""));
    }

    [Test]
    public void AWrongInputIsAUsageErrorThatSaysWhatToGive()
    {
        var error = new StringWriter();
        var code = SimilarityRunner.Run(new SimilarityOptions { Input = "/nonexistent/class", StarterDir = Exercises }, TextWriter.Null, error);

        Assert.That(code, Is.EqualTo(SimilarityRunner.Usage));
        Assert.That(error.ToString(), Does.Contain("There is no folder /nonexistent/class"));
    }

    [Test]
    public void ABatchOutDirWithoutTheClassDirSaysToGiveTheClassDir()
    {
        using var dir = new ClassDir();
        Directory.CreateDirectory(dir.Path);
        File.WriteAllText(Path.Combine(dir.Path, "class.json"), """{ "version": 1, "students": [] }""");
        var error = new StringWriter();

        var code = SimilarityRunner.Run(new SimilarityOptions { Input = dir.Path, StarterDir = Exercises }, TextWriter.Null, error);

        Assert.That(code, Is.EqualTo(SimilarityRunner.Usage));
        Assert.That(error.ToString(), Does.Contain("Give the class dir instead"));
    }
}
