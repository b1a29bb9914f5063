using Autograder.Reference.Data;
using Autograder.Tools.DataGallery;

// Draws what the generators of exercises 09 and 10 make, so that a teacher sees the data:
//   dotnet run --project tools/DataGallery [-- <output folder>]     (default: docs/images)
// The seeds are fixed, so the pictures only change when a generator does.
const int SignSeed = 2024;
const int SceneSeed = 2025;
const int SignsPerClass = 6;
const int SignScale = 2;
const int ScenesShown = 8;
const int SceneScale = 4;

(double R, double G, double B) ink = (0.1, 0.1, 0.1);
var output = args.Length > 0 ? args[0] : Path.Combine("docs", "images");
Directory.CreateDirectory(output);

WriteSigns(Path.Combine(output, "traffic-signs.png"));
WriteScenes(Path.Combine(output, "street-scenes.png"));

void WriteSigns(string path)
{
    const int size = TrafficSignGenerator.Size;
    const int plane = 3 * size * size;
    var (pixels, labels) = TrafficSignGenerator.GeneratePixels(SignsPerClass * TrafficSignGenerator.ClassCount * 2, SignSeed);
    const int labelWidth = 150;
    const int cell = (size * SignScale) + 6;
    const int top = 30;
    var canvas = new Canvas(labelWidth + (SignsPerClass * cell), top + (TrafficSignGenerator.ClassCount * cell));
    canvas.DrawText($"TRAFFIC SIGNS 32X32, SEED {SignSeed}", 6, 8, 2, ink);
    for (var label = 0; label < TrafficSignGenerator.ClassCount; label++)
    {
        var y = top + (label * cell);
        canvas.DrawText($"{label} {TrafficSignGenerator.ClassNames[label]}", 6, y + (cell / 2) - 7, 2, ink);
        var shown = 0;
        for (var i = 0; i < labels.Length && shown < SignsPerClass; i++)
        {
            if (labels[i] == label)
            {
                canvas.DrawImage(pixels.AsSpan(i * plane, plane), size, size, labelWidth + (shown * cell), y, SignScale);
                shown++;
            }
        }
    }

    canvas.SavePng(path);
    Console.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024} KB)");
}

void WriteScenes(string path)
{
    const int size = StreetSceneGenerator.DefaultSize;
    const int area = size * size;
    var (pixels, labels) = StreetSceneGenerator.GeneratePixels(ScenesShown, SceneSeed);
    const int tile = size * SceneScale;
    const int pair = (2 * tile) + 8;
    const int gap = 16;
    const int columns = 2;
    const int top = 30;
    var rows = (ScenesShown + columns - 1) / columns;
    const int legend = 64;
    var canvas = new Canvas(gap + (columns * (pair + gap)), top + (rows * (tile + gap)) + legend);
    canvas.DrawText($"STREET SCENES 32X32, SEED {SceneSeed}: IMAGE AND LABELS", 6, 8, 2, ink);
    for (var n = 0; n < ScenesShown; n++)
    {
        var x = gap + (n % columns * (pair + gap));
        var y = top + (n / columns * (tile + gap));
        canvas.DrawImage(pixels.AsSpan(n * 3 * area, 3 * area), size, size, x, y, SceneScale);
        canvas.DrawLabels(labels.AsSpan(n * area, area), size, size, x + tile + 8, y, SceneScale, StreetSceneGenerator.ClassColours);
    }

    var legendX = gap;
    var legendY = top + (rows * (tile + gap)) + 8;
    for (var c = 0; c < StreetSceneGenerator.ClassCount; c++)
    {
        var name = $"{c} {StreetSceneGenerator.ClassNames[c]}";
        var entry = 22 + (BitmapFont.TextWidth(name) * 2) + 20;
        if (legendX + entry > canvas.Width)
        {
            (legendX, legendY) = (gap, legendY + 24);
        }

        canvas.Fill(legendX, legendY, 16, 16, StreetSceneGenerator.ClassColours[c]);
        canvas.DrawText(name, legendX + 22, legendY + 1, 2, ink);
        legendX += entry;
    }

    canvas.SavePng(path);
    Console.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024} KB)");
}
