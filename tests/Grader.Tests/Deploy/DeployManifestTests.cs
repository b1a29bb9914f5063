using Autograder.Grader.Cli;
using YamlDotNet.RepresentationModel;

namespace Autograder.Grader.Tests.Deploy;

/// <summary>
/// The deploy manifests (docs/deploy) parse, and every `grader` command they run exists in the
/// grader's real command tree with those options: a renamed verb or option breaks this test, not
/// a teacher's cluster run.
/// </summary>
[TestFixture]
public sealed class DeployManifestTests
{
    private static readonly string Deploy = Course.PathOf("docs", "deploy");

    private static IEnumerable<string> Manifests(params string[] extensions) =>
        Directory.EnumerateFiles(Deploy, "*", SearchOption.AllDirectories)
            .Where(file => extensions.Contains(Path.GetExtension(file)))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> YamlFiles => Manifests(".yaml", ".yml");

    private static IEnumerable<string> ShellFiles => Manifests(".sh", ".sbatch");

    private static List<YamlDocument> Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return [.. stream.Documents];
    }

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(pair => Scalars(pair.Key).Concat(Scalars(pair.Value))),
        _ => [],
    };

    /// <summary>Every grader command line in a manifest, with the file it came from.</summary>
    private static IEnumerable<(string File, string[] Args)> Commands(string file)
    {
        var texts = YamlFiles.Contains(file)
            ? Load(file).SelectMany(document => Scalars(document.RootNode))
            : [File.ReadAllText(file)];
        return texts.SelectMany(ShellWords.GraderCommands).Select(args => (Path.GetRelativePath(Deploy, file), args));
    }

    [Test]
    public void TheManifestsAreThere()
    {
        var names = Manifests(".yaml", ".yml", ".sh", ".sbatch").Select(f => Path.GetRelativePath(Deploy, f).Replace('\\', '/'));
        Assert.That(names, Is.SupersetOf(new[]
        {
            "kubernetes/grade-class.yaml", "kubernetes/merge-results.yaml",
            "slurm/grade-class.sbatch", "slurm/merge.sbatch", "slurm/submit.sh", "github-classroom/classroom.yml",
        }));
    }

    [TestCaseSource(nameof(YamlFiles))]
    public void EveryYamlManifestParses(string file)
    {
        var documents = Load(file);

        Assert.That(documents, Is.Not.Empty, file);
        Assert.That(documents.Select(d => d.RootNode), Is.All.InstanceOf<YamlMappingNode>(), file);
    }

    [Test]
    public void TheKubernetesJobIsIndexedAndShardsByItsCompletionIndex()
    {
        var job = (YamlMappingNode)Load(Path.Combine(Deploy, "kubernetes", "grade-class.yaml")).Single().RootNode;
        var spec = (YamlMappingNode)job["spec"];

        Assert.That(((YamlScalarNode)job["kind"]).Value, Is.EqualTo("Job"));
        Assert.That(((YamlScalarNode)spec["completionMode"]).Value, Is.EqualTo("Indexed"));
        var completions = ((YamlScalarNode)spec["completions"]).Value;
        var command = Commands(Path.Combine(Deploy, "kubernetes", "grade-class.yaml")).Single().Args;
        Assert.That(string.Join(' ', command), Does.Contain($"--shard 0/{completions}"), "the shard count is the Job's completions");
        var merge = Commands(Path.Combine(Deploy, "kubernetes", "merge-results.yaml")).Single().Args;
        Assert.That(merge.Count(arg => arg.StartsWith("/results/shard-", StringComparison.Ordinal)), Is.EqualTo(int.Parse(completions!, System.Globalization.CultureInfo.InvariantCulture)),
            "the merge names every shard");
    }

    [Test]
    public void TheSlurmArrayShardsByTaskIdAndTheMergeWaitsForIt()
    {
        var grade = File.ReadAllText(Path.Combine(Deploy, "slurm", "grade-class.sbatch"));
        var submit = File.ReadAllText(Path.Combine(Deploy, "slurm", "submit.sh"));

        Assert.That(grade, Does.Contain("#SBATCH --array=0-3").And.Contain("SHARDS=4").And.Contain("$SLURM_ARRAY_TASK_ID/$SHARDS"));
        Assert.That(submit, Does.Contain("--dependency=\"afterok:$array\""));
    }

    [Test]
    public void EveryManifestRunsTheGrader()
    {
        foreach (var file in YamlFiles.Concat(ShellFiles).Where(f => !f.EndsWith("submit.sh", StringComparison.Ordinal)))
        {
            Assert.That(Commands(file), Is.Not.Empty, $"{file} runs no grader command the test can see");
        }
    }

    /// <summary>
    /// Checked against the real command tree. `batch --shard` and `merge` come from the batch and
    /// publish branches; until they are merged this test names them as missing.
    /// </summary>
    [Test]
    public void EveryGraderCommandInTheManifestsParses()
    {
        var problems = new List<string>();
        foreach (var file in YamlFiles.Concat(ShellFiles))
        {
            foreach (var (name, args) in Commands(file))
            {
                var parse = GraderCommands.Parse(args);
                problems.AddRange(parse.Errors.Select(error => $"{name}: grader {string.Join(' ', args)}: {error.Message}"));
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void TheWordSplitterSeesWhatTheShellSees()
    {
        var commands = ShellWords.GraderCommands("""
            # grader batch in a comment is not run
            set -e; "$RUNNER_TEMP"/grader/grader grade exercises --json "$RUNNER_TEMP/a b.json" > log
            grader merge /r/shard-0 \
              --out '/r/class' && echo done
            """).ToList();

        Assert.That(commands, Has.Count.EqualTo(2));
        Assert.That(commands[0], Is.EqualTo(new[] { "grade", "exercises", "--json", "/sample/runner_temp/a b.json" }));
        Assert.That(commands[1], Is.EqualTo(new[] { "merge", "/r/shard-0", "--out", "/r/class" }));
    }
}
