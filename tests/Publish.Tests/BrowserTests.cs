using Autograder.Grader.Publish;
using NUnit.Framework;
using PuppeteerSharp;

namespace Autograder.Publish.Tests;

/// <summary>
/// Opens published pages in a real headless Chromium (Debian's package, never a downloaded
/// browser): every image must decode and draw, and the page must log no error. Screenshots go to
/// the test output folder; with AUTOGRADER_SUMMARY_PNG set, the demo class's summary is also
/// saved there (docs/images/summary.png, the README's picture).
/// </summary>
[Category("Browser")]
public sealed class BrowserTests
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    [Test]
    public async Task Published_pages_render_every_image_without_console_errors()
    {
        var executable = Environment.GetEnvironmentVariable("AUTOGRADER_CHROMIUM") is { Length: > 0 } chosen ? chosen : Candidates.FirstOrDefault(File.Exists);
        if (executable is null || !File.Exists(executable))
        {
            Assert.Ignore($"No Chromium at {string.Join(", ", Candidates)} (or AUTOGRADER_CHROMIUM): install Debian's package with `apt-get install -y chromium`; .ci/run does it.");
        }

        using var temp = new TempFolder();
        DemoClass.Write(temp.Sub("demo"));
        ClassPublisher.Publish(temp.Sub("demo"));
        ClassFixture.WriteAndPublish(temp.Sub("fixture"));

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                "--metrics-recording-only", "--mute-audio",
            ],
            Timeout = 60_000,
        });

        var screenshots = Path.Combine(TestContext.CurrentContext.WorkDirectory, "publish-screenshots");
        Directory.CreateDirectory(screenshots);
        var pages = new (string Name, string File, int MinImages)[]
        {
            ("summary", Path.Combine(temp.Sub("demo"), "summary.html"), 1),
            ("report-curves", Path.Combine(temp.Sub("demo"), "students", DemoClass.Featured, "report.html"), 2),
            ("report-compile-error", Path.Combine(temp.Sub("fixture"), "students", "bob", "report.html"), 1),
            ("report-hostile", Path.Combine(temp.Sub("fixture"), "students", "eve", "report.html"), 1),
            ("summary-hostile", Path.Combine(temp.Sub("fixture"), "summary.html"), 1),
        };
        foreach (var (name, file, minImages) in pages)
        {
            await using var page = await browser.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, e) =>
            {
                if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning)
                {
                    errors.Add($"console {e.Message.Type}: {e.Message.Text}");
                }
            };
            page.PageError += (_, e) => errors.Add($"page error: {e.Message}");
            page.RequestFailed += (_, e) => errors.Add($"request failed: {e.Request.Url}");
            page.Dialog += (_, e) => errors.Add($"a dialog opened: {e.Dialog.Message}");
            await page.SetViewportAsync(new ViewPortOptions { Width = 1100, Height = 900 });

            await page.GoToAsync(new Uri(file).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 30_000 });
            var images = await page.EvaluateExpressionAsync<int[]>(
                "[document.images.length, Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).length, document.scripts.length]");
            var path = Path.Combine(screenshots, name + ".png");

            // The whole page up to 8000 pixels: a capture taller than the GPU's texture limit fails.
            var height = Math.Min(8000, await page.EvaluateExpressionAsync<int>("document.documentElement.scrollHeight"));
            await page.ScreenshotAsync(path, new ScreenshotOptions
            {
                Clip = new PuppeteerSharp.Media.Clip { X = 0, Y = 0, Width = 1100, Height = height },
                CaptureBeyondViewport = true,
            });
            TestContext.AddTestAttachment(path, name);
            if (name == "summary" && Environment.GetEnvironmentVariable("AUTOGRADER_SUMMARY_PNG") is { Length: > 0 } readme)
            {
                await page.ScreenshotAsync(readme, new ScreenshotOptions { FullPage = false });
            }

            Assert.Multiple(() =>
            {
                Assert.That(images[0], Is.GreaterThanOrEqualTo(minImages), $"{name}: images on the page");
                Assert.That(images[1], Is.Zero, $"{name}: images that did not decode");
                Assert.That(images[2], Is.Zero, $"{name}: script elements (learner text must never become one)");
                Assert.That(errors, Is.Empty, $"{name}: console");
            });
        }
    }
}
