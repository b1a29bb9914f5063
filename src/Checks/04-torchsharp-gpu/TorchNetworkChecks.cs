using System.Globalization;
using Autograder.Grader.Checks;
using Autograder.Reference.Data;
using Autograder.Reference.TorchNetwork;
using TorchSharp;
using static TorchSharp.torch;

namespace Autograder.Checks.TorchSharpGpu;

/// <summary>
/// Exercise 04, public checks. Expected loss values are literal data recorded once from the
/// reference solution (see the comments); everything else is a property that needs no oracle:
/// devices, live-tensor counts, save-and-load, a held-out accuracy.
/// </summary>
public sealed class TorchNetworkChecks : ICheckSource
{
    public static readonly ExerciseSpec Exercise = new()
    {
        Id = "04-torchsharp-gpu",
        Title = "TorchSharp on a device",
        Bans = DeviceBans.Apis,
        BannedLiterals = DeviceBans.Literals,
    };

    public IEnumerable<ExerciseSpec> Exercises => [Exercise];

    public IEnumerable<CheckDefinition> Checks() =>
    [
        Exercise.Check("model-on-device", "CreateModel puts every parameter on the device it is given", 1, 401,
            context => ModelOnDevice(context, inputs: 2, hidden: 8)),
        Exercise.Check("tensors-on-device", "Train and Predict create their tensors on the device", 2, 402,
            context => TensorsOnDevice(context, count: 128, hidden: 8, steps: 10)),
        Exercise.Check("no-tensor-leak", "live tensors stay flat over 100 training steps", 2, 403, NoTensorLeak),
        Exercise.Check("loss-trajectory", "the loss of every step matches the reference under the same seed", 2, 404, LossTrajectory),
        Exercise.Check("predict-eval-no-grad", "Predict gives sigmoid(forward) in eval mode without autograd", 1, 405, PredictEvalNoGrad),
        Exercise.Check("save-load-identical", "save then load gives identical outputs", 2, 406, SaveLoadIdentical),
        Exercise.Check("accuracy-held-out", "at least 95% right on held-out circles", 2, 407,
            context => HeldOutAccuracy(context, train: 256, hidden: 16, new TrainingSettings(150, 2.0, 0.9), noise: 0.03)),
        Exercise.Check("cuda-run", "trains on a CUDA GPU as on the CPU (skipped without a GPU)", 1, 408, CudaRun),
    ];

    internal static readonly Device Meta = torch.device("meta");

    internal static Verdict ModelOnDevice(CheckContext context, int inputs, int hidden)
    {
        var network = context.Create<ITorchNetwork>();
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(context.Seed);
        // The meta device keeps shapes and no numbers: every machine has it, and a parameter that
        // ends up anywhere else was not created on (or moved to) the device CreateModel was given.
        using (var onMeta = Expect.NotNull(network.CreateModel(inputs, hidden, Meta), "CreateModel"))
        {
            ExpectArchitecture(onMeta, inputs, hidden);
            if (FirstOffDevice(onMeta, Meta) is { } stray)
            {
                return Verdict.Fail(
                    $"CreateModel({inputs}, {hidden}, meta) put {stray.Name} on {stray.Device}, not on meta, the device it was given. " +
                    "Create the layers on the device (nn.Linear(inputs, hidden, device: device)) or move the model there " +
                    "(.to(device)). The check uses the meta device, which holds shapes but no numbers, so that a parameter " +
                    "left on the CPU shows up on a machine without a GPU too.");
            }
        }

        using var onDevice = Expect.NotNull(network.CreateModel(inputs, hidden, context.Device), "CreateModel");
        if (FirstOffDevice(onDevice, context.Device) is { } other)
        {
            return Verdict.Fail(
                $"CreateModel({inputs}, {hidden}, {context.Device}) put {other.Name} on {other.Device}: every parameter belongs on the device CreateModel is given.");
        }

        return Verdict.Pass($"all 4 parameters on meta and on {context.Device}");
    }

    internal static Verdict TensorsOnDevice(CheckContext context, int count, int hidden, int steps)
    {
        var network = context.Create<ITorchNetwork>();
        var device = context.Device;
        using var scope = torch.NewDisposeScope();
        var (x, y) = ClassificationTensors.From(Generators.Circles(count, context.Seed), device);
        torch.manual_seed(context.Seed);
        using var model = Expect.NotNull(network.CreateModel(2, hidden, device), "CreateModel");

        // While the learner's code runs, a tensor created without a device lands on meta instead
        // of the CPU: on this machine it then stands out as it would on a GPU.
        var phase = "Train";
        try
        {
            var losses = WithDefaultDevice(Meta, () => network.Train(model, x, y, new TrainingSettings(steps, 0.5, 0.9), device));
            Expect.NotNull(losses, "Train");
            if (!OnDevice(losses, device))
            {
                return Verdict.Fail(
                    $"Train returned its losses on {losses.device}, not on {device}, the device it was given. " +
                    $"{DefaultDeviceExplanation} The tensor that collects the losses was made without one: " +
                    "create it with device: device (torch.empty(settings.Steps, device: device)).");
            }

            if (FirstOffDevice(model, device) is { } stray)
            {
                return Verdict.Fail(
                    $"after Train, {stray.Name} is on {stray.Device}, not on {device}. {DefaultDeviceExplanation} " +
                    "Train should update the parameters where they are, not replace them.");
            }

            phase = "Predict";
            var predictions = Expect.NotNull(WithDefaultDevice(Meta, () => network.Predict(model, x)), "Predict");
            if (!OnDevice(predictions, device))
            {
                return Verdict.Fail(
                    $"Predict returned its probabilities on {predictions.device}, not on {device}, the device of the model and the inputs. " +
                    $"{DefaultDeviceExplanation}");
            }
        }
        catch (Exception e) when (MentionsMeta(e))
        {
            return Verdict.Fail(
                $"{phase} failed with \"{FirstLine(e.Message)}\" while it ran with device = {device}. " +
                $"{DefaultDeviceExplanation} Here one such tensor met one on {device}. Pass device: device to every " +
                "tensor you create (torch.zeros(n, device: device)), or make it from one that is already there " +
                "(torch.zeros_like(x)); a number on its own (x * 2.0f) needs no tensor at all. A number stored into a tensor " +
                "(losses[step] = loss.item<float>()) is first turned into a tensor on the default device: store the tensor " +
                "itself (losses[step] = loss.detach()), which also spares the device a wait at every step.");
        }

        return Verdict.Pass($"losses, parameters and predictions on {device}");
    }

    internal static Verdict NoTensorLeak(CheckContext context)
    {
        var network = context.Create<ITorchNetwork>();
        var device = context.Device;
        using var scope = torch.NewDisposeScope();
        var (x, y) = ClassificationTensors.From(Generators.Circles(128, context.Seed), device);

        (long After, IReadOnlyList<long> During) Train(int steps)
        {
            torch.manual_seed(context.Seed);
            using var model = Expect.NotNull(network.CreateModel(2, 8, device), "CreateModel");
            // Train gets the learner's model inside a probe that counts live tensors each time
            // forward is called: once per step, so the counts show the steps' own garbage.
            using var probe = new LiveTensorProbe(model);
            var before = LiveTensors();
            var losses = Expect.NotNull(network.Train(probe, x, y, new TrainingSettings(steps, 0.5, 0.9), device), "Train");
            losses.Dispose();
            return (LiveTensors() - before, probe.LiveAtForward);
        }

        var (after20, _) = Train(20);
        var (after100, during) = Train(100);
        // A few tensors that outlive a step are fine (an optimiser keeps one velocity per
        // parameter from the first step on); a count that grows with every step is not.
        var growth = during.Count >= 2 ? during[^1] - during[1] : 0;
        const string Remedy =
            "TorchSharp frees a tensor's memory (on a GPU, its device memory) only when the tensor is disposed, and the garbage " +
            "collector does not know how large tensors are, so a long training run fills the memory. Start the body of each step " +
            "with `using var scope = torch.NewDisposeScope();`: everything created in the step is then disposed at its end.";
        if (growth > 8)
        {
            return Verdict.Fail(
                $"during Train with 100 steps, the number of live tensors grew by {growth} between the second step and the last, about " +
                $"{Show.Number(growth / (double)(during.Count - 2))} per step: each step's tensors stay alive until Train returns, or " +
                $"longer. {Remedy} (One scope around the whole loop frees them only at its end.)")
                .WithCurve("live tensors at each step", during.Select(count => (double)(count - during[0])));
        }

        return Verdict.PassIf(
            after100 - after20 <= 8,
            $"after Train with 20 steps, {after20} more tensors were alive than before it; after Train with 100 steps, {after100}: " +
            $"about {Show.Number((after100 - after20) / 80.0)} tensors per step are never disposed. {Remedy}",
            $"{after20} tensors outlive 20 steps, {after100} outlive 100; flat during training")
            .WithCurve("live tensors at each step", during.Select(count => (double)(count - during[0])));
    }

    // Recorded once from the reference solution (solutions/04-torchsharp-gpu) on the CPU:
    // Circles(256, seed 404), torch.manual_seed(404), CreateModel(2, 8), learning rate 2,
    // momentum 0, full-batch steps.
    private static readonly float[] PlainSgdLosses = [0.69114715f, 0.6907624f, 0.6906099f, 0.6905365f, 0.6904915f];

    // Recorded as above, from a fresh model with torch.manual_seed(405), learning rate 2 and
    // momentum 0.9 (the same with 1 and 2 threads).
    private static readonly float[] MomentumLosses =
    [
        0.7196633f, 0.699466f, 0.72482234f, 0.6904996f, 0.7196105f, 0.69324344f, 0.7075177f, 0.7008779f, 0.6955079f, 0.70515466f,
        0.68999237f, 0.70304763f, 0.69145346f, 0.696465f, 0.695446f, 0.69063854f, 0.69685835f, 0.68920296f, 0.69409573f, 0.69117296f,
        0.6900878f, 0.69264853f, 0.6882643f, 0.69133604f, 0.6889353f, 0.68864286f, 0.68964463f, 0.6869574f, 0.6885368f, 0.6867349f,
    ];

    private static Verdict LossTrajectory(CheckContext context)
    {
        var network = context.Create<ITorchNetwork>();
        using var scope = torch.NewDisposeScope();
        // On the CPU: a CUDA device draws other initial weights from the same seed, and the
        // values here were recorded on the CPU. cuda-run compares CUDA with the CPU instead.
        var (x, y) = ClassificationTensors.From(Generators.Circles(256, context.Seed), torch.CPU);

        var plain = TrainOnCpu(network, x, y, context.Seed, hidden: 8, new TrainingSettings(PlainSgdLosses.Length, 2.0, 0.0));
        if (FirstDifference(plain, PlainSgdLosses) is { } i)
        {
            return Verdict.Fail(
                $"plain SGD (learning rate 2, momentum 0), loss at step {i}: yours {Loss(plain[i])}, expected {Loss(PlainSgdLosses[i])} " +
                $"(all steps: yours {Losses(plain)}, expected {Losses(PlainSgdLosses)}). " +
                TrajectoryHint(i, momentum: false))
                .WithCurve("loss per step", plain.Select(v => (double)v));
        }

        var momentum = TrainOnCpu(network, x, y, context.Seed + 1, hidden: 8, new TrainingSettings(MomentumLosses.Length, 2.0, 0.9));
        if (FirstDifference(momentum, MomentumLosses) is { } j)
        {
            return Verdict.Fail(
                $"SGD with learning rate 2 and momentum 0.9, loss at step {j}: yours {Loss(momentum[j])}, expected {Loss(MomentumLosses[j])}. " +
                TrajectoryHint(j, momentum: true))
                .WithCurve("loss per step", momentum.Select(v => (double)v));
        }

        return Verdict.Pass($"{plain.Length} + {momentum.Length} losses match to a relative 1e-4")
            .WithCurve("loss per step", momentum.Select(v => (double)v));
    }

    private static Verdict PredictEvalNoGrad(CheckContext context)
    {
        var network = context.Create<ITorchNetwork>();
        var device = context.Device;
        using var scope = torch.NewDisposeScope();
        var (x, y) = ClassificationTensors.From(Generators.Circles(64, context.Seed), device);
        torch.manual_seed(context.Seed);
        using var model = Expect.NotNull(network.CreateModel(2, 6, device), "CreateModel");
        Expect.NotNull(network.Train(model, x, y, new TrainingSettings(5, 0.5, 0.9), device), "Train");

        var predictions = Expect.NotNull(network.Predict(model, x), "Predict");
        if (!predictions.shape.SequenceEqual([64L, 1L]))
        {
            return Verdict.Fail($"Predict on 64 rows returned shape {ShapeOf(predictions)}; expected [64, 1], one probability per row (the shape of forward's output).");
        }

        if (model.training)
        {
            return Verdict.Fail(
                "after Predict the model is still in training mode. Call model.eval() before predicting: layers such as dropout and " +
                "batch normalisation behave differently in training and in evaluation, and a prediction wants the evaluation behaviour.");
        }

        if (predictions.requires_grad)
        {
            return Verdict.Fail(
                "Predict's output records gradients (requires_grad is true). Compute it inside `using (torch.no_grad()) { ... }`: " +
                "a prediction needs no backward pass, and without no_grad autograd keeps every intermediate tensor alive for one.");
        }

        using (torch.no_grad())
        {
            using var expected = torch.sigmoid(model.forward(x));
            var gap = (predictions.to(ScalarType.Float64) - expected.to(ScalarType.Float64)).abs().max().item<double>();
            if (!(gap <= 1e-6))
            {
                return Verdict.Fail(
                    $"Predict differs from sigmoid(model.forward(x)) by up to {Show.Number(gap)}. Predict returns the probability of class 1, " +
                    "the sigmoid of the logit that forward returns (not the logit itself, and not a 0/1 class).");
            }
        }

        Expect.NotNull(network.Train(model, x, y, new TrainingSettings(1, 0.5, 0.9), device), "Train");
        return Verdict.PassIf(
            model.training,
            "after Predict and then Train, the model is still in evaluation mode. Start Train with model.train(): Predict switched it " +
            "to evaluation mode, and training wants the training behaviour back.",
            "eval() and no_grad in Predict, train() in Train");
    }

    private static Verdict SaveLoadIdentical(CheckContext context)
    {
        var network = context.Create<ITorchNetwork>();
        var device = context.Device;
        using var scope = torch.NewDisposeScope();
        var (x, y) = ClassificationTensors.From(Generators.Circles(100, context.Seed), device);
        torch.manual_seed(context.Seed);
        using var original = Expect.NotNull(network.CreateModel(2, 8, device), "CreateModel");
        Expect.NotNull(network.Train(original, x, y, new TrainingSettings(20, 1.0, 0.9), device), "Train");
        var expected = Expect.NotNull(network.Predict(original, x), "Predict").clone();

        torch.manual_seed(context.Seed + 1);
        using var copy = Expect.NotNull(network.CreateModel(2, 8, device), "CreateModel");
        return SaveThenLoad(network, original, copy, x, expected, device);
    }

    internal static Verdict SaveThenLoad(ITorchNetwork network, nn.Module<Tensor, Tensor> original, nn.Module<Tensor, Tensor> copy, Tensor x, Tensor expected, Device device)
    {
        using var stream = new MemoryStream();
        network.Save(original, stream);
        if (!stream.CanRead)
        {
            return Verdict.Fail(
                "Save closed the stream it was given, so nothing can read it back. model.save(stream) and a disposed BinaryWriter both " +
                "close it: write through `using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);` and model.save(writer).");
        }

        if (stream.Length == 0)
        {
            return Verdict.Fail("Save wrote nothing to the stream. Write the model's weights with model.save(writer), writer a BinaryWriter on the stream.");
        }

        stream.Position = 0;
        network.Load(copy, stream);
        if (FirstOffDevice(copy, device) is { } stray)
        {
            return Verdict.Fail($"after Load, {stray.Name} is on {stray.Device}, not on {device}: loading weights must leave the model on its device.");
        }

        var loaded = Expect.NotNull(network.Predict(copy, x), "Predict");
        var gap = (loaded.to(ScalarType.Float64) - expected.to(ScalarType.Float64)).abs().max().item<double>();
        return Verdict.PassIf(
            gap == 0,
            $"a model saved after training and loaded into a fresh model predicts differently: the largest difference is {Show.Number(gap)}, " +
            "expected none. Save must write every parameter (model.save) and Load must read them all into the model it is given (model.load), " +
            "without training or re-initialising anything.",
            $"{stream.Length} bytes, identical predictions");
    }

    internal static Verdict HeldOutAccuracy(CheckContext context, int train, int hidden, TrainingSettings settings, double noise)
    {
        var network = context.Create<ITorchNetwork>();
        var device = context.Device;
        using var scope = torch.NewDisposeScope();
        var trainingSet = Generators.Circles(train, context.Seed, noise);
        var testSet = Generators.Circles(1000, context.Seed + 1, noise);
        var (x, y) = ClassificationTensors.From(trainingSet, device);
        var (testX, _) = ClassificationTensors.From(testSet, device);
        torch.manual_seed(context.Seed);
        using var model = Expect.NotNull(network.CreateModel(2, hidden, device), "CreateModel");
        var losses = LossValues(network.Train(model, x, y, settings, device), settings.Steps, device, "Train");
        var probabilities = Expect.NotNull(network.Predict(model, testX), "Predict");
        if (!OnDevice(probabilities, device) || probabilities.numel() != testSet.Count)
        {
            return Verdict.Fail($"Predict on {testSet.Count} rows returned shape {ShapeOf(probabilities)} on {probabilities.device}; expected [{testSet.Count}, 1] on {device}.");
        }

        var predicted = ToDoubles(probabilities).Select(p => p >= 0.5 ? 1 : 0).ToArray();
        var accuracy = Numerics.Accuracy(predicted, testSet.Labels);
        var baseline = Numerics.MajorityBaseline(testSet.Labels);
        var diagnosis = losses[^1] > losses[0]
            ? $"The loss rose from {Loss(losses[0])} to {Loss(losses[^1])}: training diverged. Gradients that are never cleared grow " +
              "with every step (call optimizer.zero_grad() before each backward()), and so does a learning rate larger than settings.LearningRate."
            : $"The loss went from {Loss(losses[0])} to {Loss(losses[^1])}; near 0.69 (= ln 2, a coin flip) means the network did not learn.";
        return Verdict.PassIf(
            accuracy >= 0.95,
            $"{Show.Percent(accuracy)} of 1000 held-out points right after {settings.Steps} steps (learning rate {Show.Number(settings.LearningRate)}, " +
            $"momentum {Show.Number(settings.Momentum)}, {hidden} hidden units); expected at least 95%. Always answering the larger class gets " +
            $"{Show.Percent(baseline)}, a straight line about as much. {diagnosis} Check loss-trajectory first.",
            $"{Show.Percent(accuracy)} held out (majority baseline {Show.Percent(baseline)})")
            .WithCurve("loss per step", losses.Select(v => (double)v));
    }

    private static Verdict CudaRun(CheckContext context)
    {
        var network = context.Create<ITorchNetwork>();
        using var scope = torch.NewDisposeScope();
        // The CPU run comes first: it is what the GPU run is compared with.
        var (x, y) = ClassificationTensors.From(Generators.Circles(200, context.Seed), torch.CPU);
        torch.manual_seed(context.Seed);
        using var onCpu = Expect.NotNull(network.CreateModel(2, 8, torch.CPU), "CreateModel");
        if (!torch.cuda.is_available())
        {
            return Verdict.Skip(
                "no CUDA GPU on this machine, so the GPU run cannot take place here (it is not counted). It runs where TorchSharp " +
                "finds a GPU; the other checks already run your code on this machine's device and on the meta device.");
        }

        var cuda = torch.device(DeviceType.CUDA);
        using var onGpu = Expect.NotNull(network.CreateModel(2, 8, cuda), "CreateModel");
        if (FirstOffDevice(onGpu, cuda) is { } stray)
        {
            return Verdict.Fail($"CreateModel(2, 8, cuda) put {stray.Name} on {stray.Device}: every parameter belongs on the GPU it was given.");
        }

        // Same starting weights on both devices: CUDA has its own random generator.
        using (torch.no_grad())
        {
            foreach (var ((_, source), (_, target)) in onCpu.named_parameters().Zip(onGpu.named_parameters()))
            {
                target.copy_(source);
            }
        }

        var settings = new TrainingSettings(30, 2.0, 0.9);
        var cpuLosses = LossValues(network.Train(onCpu, x, y, settings, torch.CPU), settings.Steps, torch.CPU, "Train on the CPU");
        var gpuLossTensor = Expect.NotNull(network.Train(onGpu, x.to(cuda), y.to(cuda), settings, cuda), "Train on the GPU");
        if (!OnDevice(gpuLossTensor, cuda))
        {
            return Verdict.Fail($"Train on the GPU returned its losses on {gpuLossTensor.device}: create them with device: device.");
        }

        var gpuLosses = LossValues(gpuLossTensor, settings.Steps, cuda, "Train on the GPU");
        if (FirstDifference(gpuLosses, cpuLosses, relative: 1e-3) is { } i)
        {
            return Verdict.Fail(
                $"from the same weights, the loss at step {i} is {Loss(gpuLosses[i])} on the GPU and {Loss(cpuLosses[i])} on the CPU. " +
                "The same code on the same numbers must give the same result on either device (up to rounding).")
                .WithCurve("loss per step (GPU)", gpuLosses.Select(v => (double)v));
        }

        var predictions = Expect.NotNull(network.Predict(onGpu, x.to(cuda)), "Predict on the GPU");
        return Verdict.PassIf(
            OnDevice(predictions, cuda),
            $"Predict on the GPU returned its probabilities on {predictions.device}, not on the GPU.",
            "trained on the GPU, losses as on the CPU")
            .WithCurve("loss per step (GPU)", gpuLosses.Select(v => (double)v));
    }

    internal static float[] TrainOnCpu(ITorchNetwork network, Tensor x, Tensor y, int seed, int hidden, TrainingSettings settings)
    {
        torch.manual_seed(seed);
        using var model = Expect.NotNull(network.CreateModel(2, hidden, torch.CPU), "CreateModel");
        return LossValues(network.Train(model, x, y, settings, torch.CPU), settings.Steps, torch.CPU, "Train");
    }

    /// <summary>Index of the first loss that differs from <paramref name="expected"/> by more than the tolerance, or null.</summary>
    internal static int? FirstDifference(float[] yours, float[] expected, double relative = 1e-4)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            if (!(Math.Abs(yours[i] - expected[i]) <= (relative * Math.Abs(expected[i])) + 1e-6))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>What the first differing step says about the mistake.</summary>
    internal static string TrajectoryHint(int step, bool momentum) => step switch
    {
        0 => "The first loss belongs to the untrained model, so the starting point differs: create fc1 = nn.Linear(inputs, hidden) and " +
             "then fc2 = nn.Linear(hidden, 1) with their default initialisation (the check calls torch.manual_seed before CreateModel and " +
             "nothing else may draw random numbers in between), let forward return fc2(sigmoid(fc1(x))), take the mean binary " +
             "cross-entropy (binary_cross_entropy_with_logits of the logits), and record each step's loss as computed before its update.",
        1 => "The first loss matches and the second does not, so the first update went wrong: use torch.optim.SGD over " +
             "model.parameters() with settings.LearningRate, take each step in the order zero_grad, forward, loss, backward, step, " +
             "and record each loss before its update.",
        2 when !momentum =>
             "The first two losses match, so the first update was right and the second was not. backward() adds the new gradient to " +
             "whatever .grad already holds: without optimizer.zero_grad() before each backward(), the second step uses the sum of " +
             "the first two gradients. (With momentum 0, as here, nothing else carries over from one step to the next.)",
        2 => "The first two losses match, so the first update was right and the second was not. The first SGD step does not use " +
             "momentum yet (the velocity starts as the gradient); the second does: pass settings.Momentum to torch.optim.SGD. " +
             "And reset the gradients before every backward() (optimizer.zero_grad()), because backward() adds to them.",
        _ => $"The first {step} losses match and then they drift apart: check that every step uses the same settings " +
             "(learning rate and momentum from settings), the full batch, and zero_grad before each backward().",
    };

    /// <summary>A loss with enough digits to see a difference of 1e-4.</summary>
    internal static string Loss(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture);

    internal static string Losses(IReadOnlyList<float> values) => "[" + string.Join(", ", values.Select(v => Loss(v))) + "]";

    internal static T WithDefaultDevice<T>(Device device, Func<T> run)
    {
        var previous = torch.get_default_device();
        torch.set_default_device(device);
        try
        {
            return run();
        }
        finally
        {
            torch.set_default_device(previous);
        }
    }

    internal const string DefaultDeviceExplanation =
        "During this check TorchSharp's default device was meta (a device that holds shapes but no numbers) instead of the CPU: a tensor " +
        "created without device: lands on the default device, which on a normal run is the CPU, away from a model and data on a GPU.";

    private static bool MentionsMeta(Exception e) =>
        e is not NotImplementedException and not CheckFailedException
        && e.Message.Contains("meta", StringComparison.OrdinalIgnoreCase);

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 200 ? line[..200] + "..." : line;
    }

    internal static void ExpectArchitecture(nn.Module<Tensor, Tensor> model, int inputs, int hidden)
    {
        var parameters = model.named_parameters().ToList();
        long[][] shapes = [[hidden, inputs], [hidden], [1, hidden], [1]];
        var right = parameters.Count == 4 && parameters.Zip(shapes).All(pair => pair.First.parameter.shape.SequenceEqual(pair.Second));
        if (!right)
        {
            var seen = string.Join(", ", parameters.Select(p => $"{p.name} {ShapeOf(p.parameter)}"));
            throw new CheckFailedException(
                $"CreateModel({inputs}, {hidden}, ...) has the parameters {(seen.Length > 0 ? seen : "(none)")}; expected fc1.weight [{hidden}, {inputs}], " +
                $"fc1.bias [{hidden}], fc2.weight [1, {hidden}], fc2.bias [1]: two nn.Linear layers, fc1 then fc2, kept in fields and " +
                "registered with RegisterComponents() in the module's constructor.");
        }
    }

    internal static (string Name, Device Device)? FirstOffDevice(nn.Module<Tensor, Tensor> model, Device device)
    {
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (!OnDevice(parameter, device))
            {
                return (name, parameter.device);
            }
        }

        return null;
    }

    /// <summary>Whether the tensor is on the device; an index of -1 (the default) means any of that type.</summary>
    internal static bool OnDevice(Tensor tensor, Device device) =>
        tensor.device_type == device.type && (device.index < 0 || tensor.device_index == device.index || (tensor.device_index < 0 && device.index == 0));

    internal static long LiveTensors() => DisposeScopeManager.Statistics.ThreadTotalLiveCount;

    internal static float[] LossValues(Tensor? losses, int steps, Device device, string what)
    {
        Expect.NotNull(losses, what);
        if (losses!.dim() != 1 || losses.shape[0] != steps)
        {
            throw new CheckFailedException($"{what} returned losses of shape {ShapeOf(losses)}; expected [{steps}], one loss per step.");
        }

        if (!OnDevice(losses, device))
        {
            throw new CheckFailedException($"{what} returned its losses on {losses.device}; expected them on {device}, the device it was given.");
        }

        using var values = losses.detach().to(ScalarType.Float32).to(torch.CPU);
        return values.data<float>().ToArray();
    }

    internal static double[] ToDoubles(Tensor tensor)
    {
        using var values = tensor.detach().to(ScalarType.Float64).to(torch.CPU).flatten();
        return values.data<double>().ToArray();
    }

    internal static string ShapeOf(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";
}

/// <summary>
/// Wraps a learner's model for Train: the same parameters and the same forward, plus a count of
/// live tensors on this thread each time forward is called (once per training step).
/// </summary>
internal sealed class LiveTensorProbe : nn.Module<Tensor, Tensor>
{
    // Registered as a submodule, so that parameters(), train() and eval() reach the learner's model.
    private readonly nn.Module<Tensor, Tensor> inner;

    public LiveTensorProbe(nn.Module<Tensor, Tensor> inner)
        : base(nameof(LiveTensorProbe))
    {
        this.inner = inner;
        RegisterComponents();
    }

    public List<long> LiveAtForward { get; } = [];

    public override Tensor forward(Tensor input)
    {
        LiveAtForward.Add(TorchNetworkChecks.LiveTensors());
        return inner.forward(input);
    }
}
