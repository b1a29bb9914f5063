using Autograder.Checks.TorchSharpGpu;
using Autograder.Reference.TorchSharpGpu;
using TorchSharp;
using static TorchSharp.torch;

namespace Autograder.Checks.Hidden.TorchSharpGpu;

/// <summary>
/// Exercise 04, hidden checks: the loss trajectory against the check's own SGD run on other data
/// and sizes, device placement with other sizes, leaks in Predict, accuracy on
/// noisier circles, and save/load in the middle of a stream. Messages name the idea that failed,
/// not the hidden data.
/// </summary>
public sealed class TorchNetworkHiddenChecks() : CheckSource(TorchNetworkChecks.Exercise)
{
    [Check("trajectory-matches-reference", "the loss of every step matches the reference on other data", Points = 2, Seed = 1401, Visibility = Visibility.Hidden)]
    private static Verdict TrajectoryMatchesReference(CheckContext context)
    {
        using var scope = torch.NewDisposeScope();
        var (x, y) = ClassificationTensors.From(Generators.Circles(200, context.Seed, noise: 0.05), torch.CPU);
        // The same judge as loss-trajectory, on data and sizes the learner has not seen; the
        // message leaves the hidden values out.
        return TorchNetworkChecks.TrajectoryAgainstReplay(
            context, x, y, hidden: 12, [new TrainingSettings(6, 1.5, 0.0), new TrainingSettings(40, 1.5, 0.8)], showValues: false);
    }

    [Check("tensors-on-device-other-sizes", "every tensor on the device, with other sizes", Points = 1, Seed = 1402, Visibility = Visibility.Hidden)]
    private static Verdict OnDeviceOtherSizes(CheckContext context)
    {
        var onDevice = TorchNetworkChecks.ModelOnDevice(context, inputs: 3, hidden: 5);
        return onDevice.Kind != VerdictKind.Passed
            ? onDevice
            : TorchNetworkChecks.TensorsOnDevice(context, count: 50, hidden: 5, steps: 3);
    }

    [Check("predict-no-leak", "live tensors stay flat over 50 predictions", Points = 1, Seed = 1403, Visibility = Visibility.Hidden)]
    private static Verdict PredictNoLeak(CheckContext context)
    {
        using var circles = ModelOnCircles.Create(context, points: 64, hidden: 8);

        long LiveAfterPredictions(int count)
        {
            var before = TorchNetworkChecks.SettledLiveTensors();
            for (var i = 0; i < count; i++)
            {
                circles.Predict().Dispose();
            }

            return TorchNetworkChecks.LiveTensors() - before;
        }

        var after10 = LiveAfterPredictions(10);
        var after60 = LiveAfterPredictions(60);
        return Verdict.PassIf(
            after60 - after10 <= 5,
            $"each call of Predict leaves about {Show.Number((after60 - after10) / 50.0)} tensors alive besides the one it returns. " +
            "forward creates intermediate tensors (the hidden layer's output, the logits); inside Predict, create them in a " +
            "`using var scope = torch.NewDisposeScope();` and hand the result out with .MoveToOuterDisposeScope().",
            "no tensors left behind")
            .WithMeasurement("tensors left by 50 more predictions", after60 - after10, 5, higherIsBetter: false);
    }

    [Check("accuracy-other-data", "at least 95% right on noisier held-out circles", Points = 1, Seed = 1404, Visibility = Visibility.Hidden)]
    private static Verdict AccuracyOtherData(CheckContext context) =>
        TorchNetworkChecks.HeldOutAccuracy(context, train: 256, hidden: 12, new TrainingSettings(150, 2.0, 0.9), noise: 0.05);

    [Check("save-load-mid-stream", "save and load work from the stream's current position", Points = 1, Seed = 1405, Visibility = Visibility.Hidden)]
    private static Verdict SaveLoadMidStream(CheckContext context)
    {
        using var circles = ModelOnCircles.Create(context, points: 80, hidden: 7);
        var (network, original) = (circles.Network, circles.Model);
        circles.Train(new TrainingSettings(10, 1.0, 0.9));
        var expected = circles.Predict().clone();

        // Other data before and after the weights, as in a file that holds more than one model.
        byte[] header = [1, 2, 3, 4, 5, 6, 7];
        byte[] trailer = [9, 8, 7];
        using var stream = new MemoryStream();
        stream.Write(header);
        network.Save(original, stream);
        if (!stream.CanRead)
        {
            return Verdict.Fail("Save closed the stream it was given: write through a BinaryWriter created with leaveOpen: true.");
        }

        var end = stream.Position;
        stream.Write(trailer);
        if (end <= header.Length || !stream.ToArray().AsSpan(0, header.Length).SequenceEqual(header))
        {
            return Verdict.Fail(
                "Save did not write at the stream's current position: it must append the weights where the stream stands, " +
                "without moving to its start (other data may come before them).");
        }

        using var copy = circles.FreshModel(context);
        stream.Position = header.Length;
        network.Load(copy, stream);
        if (stream.Position != end)
        {
            return Verdict.Fail(
                "Load did not read exactly what Save wrote, starting at the stream's current position: it must neither move to the " +
                "start of the stream nor read past the weights.");
        }

        var weightGap = TorchNetworkChecks.LoadedWeightGap(original, copy, 2);
        if (weightGap != 0)
        {
            return Verdict.Fail(
                $"weights saved in the middle of a stream and loaded back into a fresh model differ from the saved ones (by up to " +
                $"{Show.Number(weightGap)}): Save must write every parameter and Load read them all into the model it is given.");
        }

        var loaded = Expect.NotNull(network.Predict(copy, circles.X), "Predict");
        var gap = (loaded.to(ScalarType.Float64) - expected.to(ScalarType.Float64)).abs().max().item<double>();
        return Verdict.PassIf(
            gap == 0,
            $"weights saved in the middle of a stream and loaded back predict differently (largest difference {Show.Number(gap)}).",
            "saved and loaded in the middle of a stream");
    }
}
