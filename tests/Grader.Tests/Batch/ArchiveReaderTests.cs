using System.IO.Compression;
using System.Text;
using Autograder.Grader.Batch;

namespace Autograder.Grader.Tests.Batch;

/// <summary>Each way a student's archive can attack the grader is refused, with a message for that student, and nothing is written to disk.</summary>
public sealed class ArchiveReaderTests : TempFolderTest
{
    [Test]
    public void A_plain_archive_gives_its_cs_files_and_skips_finder_copies_and_build_output()
    {
        var zip = Zip(("exercises/01-perceptron/Perceptron.cs", "class Perceptron {}"),
            ("exercises/01-perceptron/README.md", "text"),
            ("__MACOSX/exercises/01-perceptron/._Perceptron.cs", "\0\0binary"),
            ("exercises/01-perceptron/bin/Debug/Generated.cs", "class Generated {}"));

        var files = ArchiveReader.Read(zip);

        Assert.That(files.Select(file => file.Path), Is.EqualTo(new[] { "exercises/01-perceptron/Perceptron.cs" }));
        Assert.That(Encoding.UTF8.GetString(files[0].Bytes), Is.EqualTo("class Perceptron {}"));
    }

    [TestCase("../../evil.cs", "climbs out")]
    [TestCase("01-perceptron/../../evil.cs", "climbs out")]
    [TestCase("..\\evil.cs", "climbs out")]
    [TestCase("/etc/evil.cs", "absolute path")]
    [TestCase("C:/evil.cs", "absolute path")]
    [TestCase("01-perceptron/CON.cs", "named like a device")]
    [TestCase("01-perceptron/nul", "named like a device")]
    [TestCase("01-perceptron/a\u001b[2Jb.cs", "control or invisible")]
    [TestCase("01-perceptron/evil\u202egnp.cs", "control or invisible")]
    [TestCase("01-perceptron//Perceptron.cs", "empty or '.' step")]
    public void Hostile_names_refuse_the_archive(string name, string reason)
    {
        var zip = Zip((name, "class Evil {}"));

        var refused = Assert.Throws<IntakeException>(() => ArchiveReader.Read(zip))!;

        Assert.That(refused.Message, Does.Contain(reason));
        Assert.That(refused.Message, Does.Contain("Make the archive again"));
        // Ordinal: a culture-aware search ignores control characters and finds them everywhere.
        Assert.That(refused.Message.Contains('\u001b', StringComparison.Ordinal), Is.False, "the name is shown escaped");
        Assert.That(refused.Message.Contains('\u202e', StringComparison.Ordinal), Is.False, "the name is shown escaped");
        Assert.That(File.Exists(InFolder("..", "evil.cs")), Is.False);
    }

    [Test]
    public void A_very_long_name_is_refused() =>
        Assert.That(Assert.Throws<IntakeException>(() => ArchiveReader.Read(Zip((new string('a', 300) + ".cs", "class A {}"))))!.Message,
            Does.Contain("characters long"));

    [Test]
    public void A_symbolic_link_is_refused()
    {
        var zip = Zip(("01-perceptron/Perceptron.cs", "/work/solutions/01-perceptron/Perceptron.cs", 0xA1FF));

        Assert.That(Assert.Throws<IntakeException>(() => ArchiveReader.Read(zip))!.Message, Does.Contain("symbolic link"));
    }

    [Test]
    public void A_device_or_fifo_entry_is_refused()
    {
        var zip = Zip(("01-perceptron/pipe.cs", "", 0x11B6));

        Assert.That(Assert.Throws<IntakeException>(() => ArchiveReader.Read(zip))!.Message, Does.Contain("not a plain file or folder"));
    }

    [Test]
    public void An_over_compressed_entry_is_refused()
    {
        // 8 MiB of one repeated byte compresses about 1000 to 1: a zip bomb's signature.
        var zip = Zip(("01-perceptron/Perceptron.cs", new string(' ', 8 << 20)));

        Assert.That(Assert.Throws<IntakeException>(() => ArchiveReader.Read(zip))!.Message, Does.Contain("compressed").And.Contain("to 1"));
    }

    [Test]
    public void An_entry_past_the_size_limit_is_refused()
    {
        var zip = Zip(("01-perceptron/Perceptron.cs", new string(' ', 200_000)));

        var refused = Assert.Throws<IntakeException>(() => ArchiveReader.Read(zip, ArchiveLimits.Default with { MaxEntryBytes = 100_000 }))!;

        Assert.That(refused.Message, Does.Contain("unpacks to"));
    }

    [Test]
    public void Entries_past_the_total_limit_are_refused()
    {
        var zip = Zip([.. Enumerable.Range(0, 5).Select(i => ($"01-perceptron/F{i}.cs", new string('x', 30_000)))]);

        var refused = Assert.Throws<IntakeException>(() => ArchiveReader.Read(zip, ArchiveLimits.Default with { MaxTotalBytes = 100_000 }))!;

        Assert.That(refused.Message, Does.Contain("together"));
    }

    [Test]
    public void Too_many_entries_are_refused_before_the_archive_is_opened()
    {
        var zip = Zip([.. Enumerable.Range(0, 30).Select(i => ($"01-perceptron/F{i}.cs", "class F {}"))]);

        var refused = Assert.Throws<IntakeException>(() => ArchiveReader.Read(zip, ArchiveLimits.Default with { MaxEntries = 20 }))!;

        Assert.That(refused.Message, Does.Contain("30 entries"));
    }

    [Test]
    public void An_archive_larger_than_the_limit_is_refused()
    {
        var zip = Zip(("01-perceptron/Perceptron.cs", "class Perceptron {}"));

        var refused = Assert.Throws<IntakeException>(() => ArchiveReader.Read(zip, ArchiveLimits.Default with { MaxArchiveBytes = 10 }))!;

        Assert.That(refused.Message, Does.Contain("the limit is"));
    }

    [Test]
    public void A_duplicate_entry_is_refused()
    {
        var zip = Zip(("01-perceptron/Perceptron.cs", "class A {}"), ("01-perceptron/Perceptron.cs", "class B {}"));

        Assert.That(Assert.Throws<IntakeException>(() => ArchiveReader.Read(zip))!.Message, Does.Contain("appears twice"));
    }

    [Test]
    public void A_file_that_is_not_a_zip_is_refused()
    {
        var path = InFolder("fake.zip");
        File.WriteAllText(path, "this is not a zip archive, just text long enough to look for an end record in it");

        Assert.That(Assert.Throws<IntakeException>(() => ArchiveReader.Read(path))!.Message, Does.Contain("not a valid zip file"));
    }

    private string Zip(params (string Name, string Text)[] entries) =>
        Zip([.. entries.Select(entry => (entry.Name, entry.Text, 0))]);

    private string Zip(params (string Name, string Text, int Mode)[] entries)
    {
        var path = InFolder($"submission{Directory.GetFiles(Folder).Length}.zip");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var (name, text, mode) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize);
                if (mode != 0)
                {
                    entry.ExternalAttributes = mode << 16;
                }

                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return path;
    }
}
