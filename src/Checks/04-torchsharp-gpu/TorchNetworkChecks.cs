using System.Globalization;
using Autograder.Reference.TorchSharpGpu;

namespace Autograder.Checks.TorchSharpGpu;

/// <summary>
/// Exercise 04, public checks. Expected loss values are literal data recorded once from the
/// reference solution (see the comments); everything else is a property that needs no oracle:
/// devices, live-tensor counts, save-and-load, a held-out accuracy.
/// </summary>
public sealed class TorchNetworkChecks() : CheckSource(Exercise)
{
    public static readonly ExerciseSpec Exercise = ExerciseKinds.OnDevice("04-torchsharp-gpu", "TorchSharp on a device");

    public override IEnumerable<ExerciseSpec> Exercises => [Exercise];

    // Made on first use: a static field would load libtorch whenever the catalogue is built, in
    // every worker and for exercises that never touch a tensor.
    private static readonly Lazy<Device> MetaDevice = new(() => torch.device("meta"));

    internal static Device Meta => MetaDevice.Value;

    [Check("model-on-device", "CreateModel puts every parameter on the device it is given", Points = 1, Seed = 401)]
    private static Verdict ModelOnDevice(CheckContext context) => ModelOnDevice(context, inputs: 2, hidden: 8);

    internal static Verdict ModelOnDevice(CheckContext context, int inputs, int hidden)
    {
        var network = context.Create<ITorchNetwork>();
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(context.SeedFor("torch"));
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

    [Check("tensors-on-device", "Train and Predict create their tensors on the device", Points = 2, Seed = 402)]
    private static Verdict TensorsOnDevice(CheckContext context) => TensorsOnDevice(context, count: 128, hidden: 8, steps: 10);

    internal static Verdict TensorsOnDevice(CheckContext context, int count, int hidden, int steps)
    {
        using var circles = ModelOnCircles.Create(context, count, hidden);
        var (network, device, x, y, model) = (circles.Network, circles.Device, circles.X, circles.Y, circles.Model);
        var weights = CircleWeights.Of(model, 2, hidden);
        var start = weights.Snapshot();

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

            ExpectTrained(start, weights, steps);

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

    [Check("no-tensor-leak", "live tensors stay flat over 100 training steps", Points = 2, Seed = 403)]
    internal static Verdict NoTensorLeak(CheckContext context)
    {
        var network = context.Create<ITorchNetwork>();
        var device = context.Device;
        using var scope = torch.NewDisposeScope();
        var (x, y) = ClassificationTensors.From(Generators.Circles(128, context.Seed), device);

        (long After, IReadOnlyList<long> During) Train(int steps)
        {
            torch.manual_seed(context.SeedFor("torch"));
            using var model = Expect.NotNull(network.CreateModel(2, 8, device), "CreateModel");
            var weights = CircleWeights.Of(model, 2, 8);
            var start = weights.Snapshot();
            // Train gets the learner's model inside a probe that counts live tensors each time
            // forward is called: once per step, so the counts show the steps' own garbage. The
            // count is TorchSharp's own (Tensor.TotalCount), which learner code cannot reset.
            using var probe = new LiveTensorProbe(model);
            var before = SettledLiveTensors();
            var losses = Expect.NotNull(network.Train(probe, x, y, new TrainingSettings(steps, 0.5, 0.9), device), "Train");
            losses.Dispose();
            var after = LiveTensors() - before;
            ExpectTrained(start, weights, steps);
            return (after, probe.LiveAtForward);
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
                .WithMeasurement("live tensors added during 100 steps", growth, 8, higherIsBetter: false)
                .WithCurve("live tensors at each step", during.Select(count => (double)(count - during[0])));
        }

        return Verdict.PassIf(
            after100 - after20 <= 8,
            $"after Train with 20 steps, {after20} more tensors were alive than before it; after Train with 100 steps, {after100}: " +
            $"about {Show.Number((after100 - after20) / 80.0)} tensors per step are never disposed. {Remedy}",
            $"{after20} tensors outlive 20 steps, {after100} outlive 100; flat during training")
            .WithMeasurement("live tensors added during 100 steps", growth, 8, higherIsBetter: false)
            .WithMeasurement("tensors left by 80 more steps", after100 - after20, 8, higherIsBetter: false)
            .WithCurve("live tensors at each step", during.Select(count => (double)(count - during[0])));
    }

    [Check("loss-trajectory", "the loss of every step matches the reference under the same seed", Points = 2, Seed = 404)]
    private static Verdict LossTrajectory(CheckContext context)
    {
        using var scope = torch.NewDisposeScope();
        // On the CPU: cuda-run compares CUDA with the CPU instead.
        var (x, y) = ClassificationTensors.From(Generators.Circles(256, context.Seed), torch.CPU);
        return TrajectoryAgainstReplay(
            context, x, y, hidden: 8, [new TrainingSettings(5, 2.0, 0.0), new TrainingSettings(30, 2.0, 0.9)], showValues: true);
    }

    /// <summary>
    /// Trains the learner's model with the learner's Train, and the same starting weights with the
    /// check's own torch.optim.SGD run (<see cref="SgdReplay"/>). The losses Train reports must be
    /// the losses of that run, and the model must end with its weights: a loss curve that was not
    /// computed, or a model that was not trained, shows either way.
    /// </summary>
    internal static Verdict TrajectoryAgainstReplay(
        CheckContext context, Tensor x, Tensor y, int hidden, IReadOnlyList<TrainingSettings> runs, bool showValues)
    {
        var network = context.Create<ITorchNetwork>();
        var where = showValues ? "" : "on other data, ";
        float[] last = [];
        for (var run = 0; run < runs.Count; run++)
        {
            var settings = runs[run];
            torch.manual_seed(context.SeedFor($"torch {run}"));
            using var model = Expect.NotNull(network.CreateModel((int)x.shape[1], hidden, torch.CPU), "CreateModel");
            var weights = CircleWeights.Of(model, (int)x.shape[1], hidden);
            var start = weights.Snapshot();
            var yours = LossValues(network.Train(model, x, y, settings, torch.CPU), settings.Steps, torch.CPU, "Train");
            var replay = SgdReplay.Train(start, x, y, settings);
            var what = $"{where}SGD with learning rate {Show.Number(settings.LearningRate)} and momentum {Show.Number(settings.Momentum)}";
            if (FirstDifference(yours, replay.Losses) is { } step)
            {
                var gap = Math.Abs(yours[step] - replay.Losses[step]) / Math.Max(1e-8, Math.Abs(replay.Losses[step]));
                var seen = showValues
                    ? $"yours {Loss(yours[step])}, expected {Loss(replay.Losses[step])}"
                    : $"yours differs by a relative {Show.Number(gap)} (allowed: 1e-4)";
                return Verdict.Fail(
                    $"{what}, loss at step {step}: {seen}. The expected losses come from the check's own torch.optim.SGD run from your " +
                    $"model's starting weights. {DiagnoseTrajectory(yours, start, x, y, settings, step)}")
                    .WithMeasurement("largest relative loss difference", gap, 1e-4, higherIsBetter: false)
                    .WithCurve("loss per step", yours.Select(v => (double)v));
            }

            var drift = weights.Distance(replay.Final);
            if (!(drift <= 1e-4))
            {
                return Verdict.Fail(
                    $"{what}: Train returned the right loss at every step, but afterwards the model's weights differ from the weights that " +
                    $"run ends with by up to {Show.Number(drift)}. The losses must come from training the model Train is given, in place: " +
                    "optimise model.parameters() and do not replace, copy or reset them.")
                    .WithMeasurement("largest weight difference after training", drift, 1e-4, higherIsBetter: false);
            }

            last = yours;
        }

        return Verdict.Pass($"{string.Join(" + ", runs.Select(r => r.Steps))} losses and the trained weights match the check's own SGD run")
            .WithCurve("loss per step", last.Select(v => (double)v));
    }

    /// <summary>
    /// What the first differing step says, with evidence where the check has it: the trajectory of
    /// a known mistake replayed from the same weights.
    /// </summary>
    internal static string DiagnoseTrajectory(float[] yours, CircleWeights start, Tensor x, Tensor y, TrainingSettings settings, int step)
    {
        if (step > 0 && settings.Momentum > 0
            && FirstDifference(yours, SgdReplay.Train(start, x, y, settings, SgdReplay.Variant.MomentumLost).Losses) is null)
        {
            return "Your losses are exactly those of plain SGD (momentum 0): the velocity is lost between steps. Either " +
                "settings.Momentum is not passed to torch.optim.SGD, or a new optimiser is created at every step, which starts each " +
                "step with an empty momentum buffer: create the optimiser once, before the loop.";
        }

        if (step > 0 && FirstDifference(yours, SgdReplay.Train(start, x, y, settings, SgdReplay.Variant.GradientsAccumulate).Losses) is null)
        {
            return "Your losses are exactly those of a run whose gradients are never cleared: backward() adds the new gradient to " +
                "what .grad already holds. Call optimizer.zero_grad() before each backward().";
        }

        if (step == 0 && yours.Length > 1)
        {
            var replay = SgdReplay.Train(start, x, y, settings);
            if (FirstDifference(yours[..^1], replay.Losses[1..]) is null)
            {
                return "Your losses are the expected ones shifted by one step: each was taken after its update. Record the loss of a " +
                    "step as computed by its forward pass, before optimizer.step().";
            }
        }

        return TrajectoryHint(step, settings.Momentum > 0);
    }

    [Check("predict-eval-no-grad", "Predict gives sigmoid(forward) in eval mode without autograd", Points = 1, Seed = 405)]
    private static Verdict PredictEvalNoGrad(CheckContext context)
    {
        using var circles = ModelOnCircles.Create(context, points: 64, hidden: 6);
        var model = circles.Model;
        circles.Train(new TrainingSettings(5, 0.5, 0.9));

        var predictions = circles.Predict();
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

        ExpectComputedFromWeights(model, CircleWeights.Of(model, 2, 6), circles.X, predictions);

        circles.Train(new TrainingSettings(1, 0.5, 0.9));
        return Verdict.PassIf(
            model.training,
            "after Predict and then Train, the model is still in evaluation mode. Start Train with model.train(): Predict switched it " +
            "to evaluation mode, and training wants the training behaviour back.",
            "eval() and no_grad in Predict, train() in Train");
    }

    [Check("save-load-identical", "save then load gives identical outputs", Points = 2, Seed = 406)]
    private static Verdict SaveLoadIdentical(CheckContext context)
    {
        using var circles = ModelOnCircles.Create(context, points: 100, hidden: 8);
        circles.Train(new TrainingSettings(20, 1.0, 0.9));
        var expected = circles.Predict().clone();

        using var copy = circles.FreshModel(context);
        return SaveThenLoad(circles.Network, circles.Model, copy, circles.X, expected, circles.Device);
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

        // The weights themselves, read by the check: identical predictions alone could come from a
        // Predict that does not look at the model.
        var weightGap = LoadedWeightGap(original, copy, (int)x.shape[1]);
        if (weightGap != 0)
        {
            return Verdict.Fail(
                $"after Save of a trained model and Load into a fresh one, the fresh model's weights differ from the trained ones by up to " +
                $"{Show.Number(weightGap)}, expected none. Save must write every parameter (model.save) and Load must read them all into " +
                "the model it is given (model.load).");
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

    /// <summary>The largest difference between two models' weights, matched by role.</summary>
    internal static double LoadedWeightGap(nn.Module<Tensor, Tensor> original, nn.Module<Tensor, Tensor> copy, int inputs)
    {
        // fc1.weight is the one 2-D parameter with one column per input and more than one row.
        var hidden = (int)original.parameters().First(p => p.ndim == 2 && p.shape[1] == inputs && p.shape[0] > 1).shape[0];
        return CircleWeights.Of(copy, inputs, hidden).Distance(CircleWeights.Of(original, inputs, hidden));
    }

    [Check("accuracy-held-out", "at least 95% right on held-out circles", Points = 2, Seed = 407)]
    private static Verdict AccuracyHeldOut(CheckContext context) =>
        HeldOutAccuracy(context, train: 256, hidden: 16, new TrainingSettings(150, 2.0, 0.9), noise: 0.03);

    internal static Verdict HeldOutAccuracy(CheckContext context, int train, int hidden, TrainingSettings settings, double noise)
    {
        var network = context.Create<ITorchNetwork>();
        var device = context.Device;
        using var scope = torch.NewDisposeScope();
        var trainingSet = Generators.Circles(train, context.Seed, noise);
        var testSet = Generators.Circles(1000, context.Seed + 1, noise);
        var (x, y) = ClassificationTensors.From(trainingSet, device);
        var (testX, testY) = ClassificationTensors.From(testSet, device);
        torch.manual_seed(context.SeedFor("torch"));
        using var model = Expect.NotNull(network.CreateModel(2, hidden, device), "CreateModel");
        var weights = CircleWeights.Of(model, 2, hidden);
        var startLoss = weights.Snapshot().Loss(testX, testY);
        var losses = LossValues(network.Train(model, x, y, settings, device), settings.Steps, device, "Train");
        var probabilities = Expect.NotNull(network.Predict(model, testX), "Predict");
        if (!OnDevice(probabilities, device) || probabilities.numel() != testSet.Count)
        {
            return Verdict.Fail($"Predict on {testSet.Count} rows returned shape {ShapeOf(probabilities)} on {probabilities.device}; expected [{testSet.Count}, 1] on {device}.");
        }

        // Judged on the weights the model holds, with the check's own forward pass: neither forward
        // nor Predict is trusted to use them, so both are compared with it.
        ExpectComputedFromWeights(model, weights, testX, probabilities);
        using var logits = weights.Logits(testX);
        var predicted = ToDoubles(logits).Select(z => z >= 0 ? 1 : 0).ToArray();
        var accuracy = Numerics.Accuracy(predicted, testSet.Labels);
        var baseline = Numerics.MajorityBaseline(testSet.Labels);
        var endLoss = weights.Loss(testX, testY);
        var diagnosis = losses[^1] > losses[0]
            ? $"The loss rose from {Loss(losses[0])} to {Loss(losses[^1])}: training diverged. Gradients that are never cleared grow " +
              "with every step (call optimizer.zero_grad() before each backward()), and so does a learning rate larger than settings.LearningRate."
            : $"The loss went from {Loss(losses[0])} to {Loss(losses[^1])}; near 0.69 (= ln 2, a coin flip) means the network did not learn.";
        return Verdict.PassIf(
            accuracy >= 0.95,
            $"{Show.Percent(accuracy)} of 1000 held-out points right after {settings.Steps} steps (learning rate {Show.Number(settings.LearningRate)}, " +
            $"momentum {Show.Number(settings.Momentum)}, {hidden} hidden units), computed by the check from your model's weights; expected at least 95%. " +
            $"On those points the loss of your weights went from {Loss(startLoss)} to {Loss(endLoss)}. Always answering the larger class gets " +
            $"{Show.Percent(baseline)}, a straight line about as much. {diagnosis} Check loss-trajectory first.",
            $"{Show.Percent(accuracy)} held out (majority baseline {Show.Percent(baseline)})")
            .WithMeasurement("held-out accuracy", accuracy, 0.95, higherIsBetter: true)
            .WithCurve("loss per step", losses.Select(v => (double)v));
    }

    /// <summary>
    /// forward must compute fc2(sigmoid(fc1(x))) from the model's own weights, and Predict must be the
    /// sigmoid of it: a forward or Predict that answers without the weights (a rule written by hand,
    /// a remembered answer) fails here.
    /// </summary>
    internal static void ExpectComputedFromWeights(nn.Module<Tensor, Tensor> model, CircleWeights weights, Tensor x, Tensor predictions)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var own = weights.Logits(x).to(ScalarType.Float64);
        var forwardGap = (model.forward(x).to(ScalarType.Float64) - own).abs().max().item<double>();
        if (!(forwardGap <= 1e-4))
        {
            throw new CheckFailedException(
                $"the model's forward differs by up to {Show.Number(forwardGap)} from fc2(sigmoid(fc1(x))) computed by the check from " +
                "its own parameters. forward must compute the logits from the weights that training changes, and nothing else.");
        }

        var predictGap = (predictions.to(ScalarType.Float64) - own.sigmoid()).abs().max().item<double>();
        if (!(predictGap <= 1e-5))
        {
            throw new CheckFailedException(
                $"Predict differs by up to {Show.Number(predictGap)} from sigmoid(forward(x)) of the model it was given. Predict returns " +
                "the probability the trained model gives, sigmoid(model.forward(inputs)): not a rule of its own, and not a 0/1 class.");
        }
    }

    /// <summary>Fails when Train left every weight where it was: a check of how Train trains needs training to look at.</summary>
    internal static void ExpectTrained(CircleWeights before, CircleWeights after, int steps)
    {
        if (before.Distance(after) == 0)
        {
            throw new CheckFailedException(
                $"after Train with {steps} steps every parameter of the model still has its starting value: nothing was trained, so " +
                "there is nothing for this check to judge. Train updates model.parameters() with torch.optim.SGD at every step.");
        }
    }

    [Check("cuda-run", "trains on a CUDA GPU as on the CPU (skipped without a GPU)", Points = 1, Seed = 408)]
    private static Verdict CudaRun(CheckContext context)
    {
        // The CPU run comes first: it is what the GPU run is compared with.
        using var circles = ModelOnCircles.Create(context, points: 200, hidden: 8, torch.CPU);
        var (network, x, y, onCpu) = (circles.Network, circles.X, circles.Y, circles.Model);
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
        0 => "The first loss belongs to the starting weights, before any update, so the forward pass or the loss differs: let forward " +
             "return fc2(sigmoid(fc1(x))), take the mean binary cross-entropy (binary_cross_entropy_with_logits of the logits against " +
             "the targets), and record each step's loss as computed before its update.",
        1 => "The first loss matches and the second does not, so the first update went wrong: use torch.optim.SGD over " +
             "model.parameters() with settings.LearningRate, take each step in the order zero_grad, forward, loss, backward, step, " +
             "and record each loss before its update.",
        2 when momentum =>
             "The first two losses match, so the first update was right and the second was not; the second update is the first in " +
             "which the momentum and the gradients of the step before play a part. Pass settings.Momentum to one torch.optim.SGD " +
             "created before the loop, and call optimizer.zero_grad() before every backward().",
        2 => "The first two losses match, so the first update was right and the second was not; with momentum 0 only the gradients " +
             "of the step before can carry over: call optimizer.zero_grad() before every backward().",
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
        // Matched by shape, in any order: nn.Sequential, other field names or another field order
        // build the same network.
        long[][] shapes = [[hidden, inputs], [hidden], [1, hidden], [1]];
        var seenShapes = parameters.Select(p => ShapeOf(p.parameter)).Order(StringComparer.Ordinal);
        var expectedShapes = shapes.Select(shape => "[" + string.Join(", ", shape) + "]").Order(StringComparer.Ordinal);
        if (parameters.Count != 4 || !seenShapes.SequenceEqual(expectedShapes))
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

    /// <summary>
    /// Native tensors alive in the process: TorchSharp's own count, raised by every tensor created and
    /// lowered by every Dispose. Unlike DisposeScopeManager.Statistics it has no Reset, so learner code
    /// cannot clear what the check reads.
    /// </summary>
    internal static long LiveTensors() => torch.Tensor.TotalCount;

    /// <summary>
    /// <see cref="LiveTensors"/> once the garbage of earlier checks is collected, so that finalizers
    /// running later do not lower the count while the learner's code is measured.
    /// </summary>
    internal static long SettledLiveTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return LiveTensors();
    }

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
internal sealed class LiveTensorProbe(nn.Module<Tensor, Tensor> inner) : ModelProbe(nameof(LiveTensorProbe), inner)
{
    public List<long> LiveAtForward { get; } = [];

    public override Tensor forward(Tensor input)
    {
        LiveAtForward.Add(TorchNetworkChecks.LiveTensors());
        return Inner.forward(input);
    }
}
