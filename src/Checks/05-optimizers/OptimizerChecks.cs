using System.Globalization;
using Autograder.Grader.Policy;
using Autograder.Reference.Optimizers;
using TorchSharp.Modules;

namespace Autograder.Checks.Optimizers;

/// <summary>
/// Exercise 05, public checks. The reference for every trajectory is TorchSharp's own
/// <c>torch.optim</c>: the framework's optimisers, not a solution of ours, so the student copy
/// may carry them. Everything runs in float64 so that a correct optimiser agrees to 1e-10.
/// </summary>
public sealed class OptimizerChecks() : CheckSource(Exercise)
{
    private const string WriteItYourself =
        "this exercise is about writing the optimiser yourself, from tensors and their .grad; torch.optim and TorchSharp's " +
        "optimiser classes would do it for you.";

    /// <summary>torch.optim and the optimiser classes it returns (they live in TorchSharp.Modules).</summary>
    internal static readonly BannedApi[] OptimizerBans =
    [
        new("TorchSharp.torch.optim", WriteItYourself),
        .. new[]
        {
            "SGD", "Adam", "AdamW", "Adamax", "NAdam", "RAdam", "RMSProp", "Rprop", "Adagrad", "Adadelta", "ASGD", "LBFGS",
            "OptimizerHelper", "OptimizerOptions", "OptimizerState", "ParamGroup",
        }.Select(name => new BannedApi($"TorchSharp.Modules.{name}", WriteItYourself)),
        new(
            "Autograder.Reference.Training.SteadyAdam",
            "this exercise is about writing the optimiser yourself, from tensors and their .grad; the course's SteadyAdam is for " +
            "exercises 06 and 07, where the optimiser is not the subject."),
    ];

    // After OptimizerBans: static fields are initialised in the order they are written.
    public static readonly ExerciseSpec Exercise = ExerciseKinds.OnDevice("05-optimizers", "Optimisers", exerciseBans: OptimizerBans);

    /// <summary>Largest difference from torch.optim allowed in any parameter, in float64.</summary>
    internal const double Tolerance = 1e-10;

    public override IEnumerable<ExerciseSpec> Exercises => [Exercise];

    [Check("sgd-trajectory", "plain SGD takes torch.optim.SGD's 5 steps", Points = 2, Seed = 501)]
    private static Verdict SgdTrajectory(CheckContext context) => SgdTrajectory(context, learningRate: 0.1, momentum: 0, nesterov: false, steps: 5);

    [Check("momentum-trajectory", "SGD with momentum takes torch.optim.SGD's 5 steps", Points = 2, Seed = 502)]
    private static Verdict MomentumTrajectory(CheckContext context) =>
        SgdTrajectory(context, learningRate: 0.1, momentum: 0.9, nesterov: false, steps: 5);

    [Check("nesterov-trajectory", "Nesterov momentum takes torch.optim.SGD's 5 steps", Points = 1, Seed = 503)]
    private static Verdict NesterovTrajectory(CheckContext context) =>
        SgdTrajectory(context, learningRate: 0.1, momentum: 0.9, nesterov: true, steps: 5);

    internal static Verdict SgdTrajectory(CheckContext context, double learningRate, double momentum, bool nesterov, int steps)
    {
        var factory = context.Create<IOptimizerFactory>();
        var name = momentum == 0 ? "SGD" : nesterov ? "SGD with Nesterov momentum" : "SGD with momentum";
        var settings = string.Create(CultureInfo.InvariantCulture,
            $"lr {learningRate:G4}{(momentum == 0 ? "" : $", momentum {momentum:G4}")}{(nesterov ? ", nesterov" : "")}");
        return CompareTrajectory(
            context, $"{name} ({settings})", steps,
            parameters => factory.CreateSgd(parameters, learningRate, momentum, nesterov),
            parameters => torch.optim.SGD(parameters, learningRate, momentum, nesterov: nesterov),
            (step, _, ratio) => SgdHint(step, ratio, learningRate, momentum, nesterov));
    }

    [Check("adam-trajectory", "Adam takes torch.optim.Adam's 5 steps", Points = 2, Seed = 504)]
    private static Verdict AdamTrajectory(CheckContext context) =>
        AdamTrajectory(context, learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, steps: 5);

    internal static Verdict AdamTrajectory(CheckContext context, double learningRate, double beta1, double beta2, double epsilon, int steps)
    {
        var factory = context.Create<IOptimizerFactory>();
        var settings = string.Create(CultureInfo.InvariantCulture, $"lr {learningRate:G4}, betas ({beta1:G4}, {beta2:G4}), eps {epsilon:0.##E+0}");
        return CompareTrajectory(
            context, $"Adam ({settings})", steps,
            parameters => factory.CreateAdam(parameters, learningRate, beta1, beta2, epsilon),
            parameters => torch.optim.Adam(parameters, learningRate, beta1, beta2, epsilon),
            (step, _, ratio) => AdamHint(step, ratio, beta1, beta2));
    }

    /// <summary>
    /// Steps the learner's optimiser and torch.optim's from the same parameters on the same loss,
    /// and fails at the first step after which any parameter differs by more than 1e-10.
    /// <paramref name="hint"/> gets the step (from 1), the parameter's name and the median ratio
    /// of the learner's update to torch's (NaN when it cannot be formed), and says what that
    /// points at.
    /// </summary>
    internal static Verdict CompareTrajectory(
        CheckContext context,
        string what,
        int steps,
        Func<IEnumerable<Parameter>, IStepper?> createLearner,
        Func<IEnumerable<Parameter>, optim.Optimizer> createReference,
        Func<int, string, double, string> hint,
        TestProblem? problem = null)
    {
        using var scope = torch.NewDisposeScope();
        problem ??= TestProblem.Create(context.Seed, context.Device);
        var yours = problem.NewParameters();
        var theirs = problem.NewParameters();
        var stepper = Expect.NotNull(createLearner(yours), "the factory");
        var reference = createReference(theirs);
        var worst = new List<double>();
        for (var step = 1; step <= steps; step++)
        {
            var before = yours.Select(p => p.detach().clone()).ToArray();
            var theirsBefore = theirs.Select(p => p.detach().clone()).ToArray();
            problem.Backward(yours, step);
            CallStep(stepper);
            problem.Backward(theirs, step);
            reference.step();

            var gaps = yours.Zip(theirs, MaxAbsDifference).ToArray();
            worst.Add(gaps.Max());
            var wrong = Array.FindIndex(gaps, gap => !(gap <= Tolerance));
            if (wrong >= 0)
            {
                var moved = yours.Zip(before, MaxAbsDifference).Max();
                var detail = moved == 0
                    ? "Your Step left every parameter as it was: update them in place (p.add_(..., alpha: -lr) or p.sub_(...)) inside " +
                      "`using (torch.no_grad()) { ... }`; computing p - lr * g makes a new tensor and leaves the parameter alone."
                    : hint(step, problem.Names[wrong], UpdateRatio(yours[wrong], before[wrong], theirs[wrong], theirsBefore[wrong]));
                return Verdict.Fail(
                    $"{what}: after step {step} of {steps}, parameter {problem.Names[wrong]} differs from torch.optim's by up to " +
                    $"{Show.Number(gaps[wrong])} (allowed: 1e-10 in float64). {detail}")
                    .WithCurve("largest difference from torch.optim per step", worst);
            }
        }

        return Verdict.Pass($"{steps} steps within {Show.Number(worst.Max())} of torch.optim");
    }

    internal static string SgdHint(int step, double ratio, double learningRate, double momentum, bool nesterov)
    {
        if (Near(ratio, -1))
        {
            return "Your parameters moved by the right amount in the wrong direction: gradient descent goes against the gradient, p = p - lr * d.";
        }

        if (step == 1)
        {
            return momentum != 0 && Near(ratio, 1 - momentum)
                ? "The first step is (1 - momentum) times torch's: the velocity starts as the gradient itself, b = g, and later b = mu * b + g (no factor 1 - mu)."
                : momentum != 0 && nesterov && Near(ratio, 1 / (1 + momentum))
                    ? "The first step is torch's without the Nesterov look-ahead: with Nesterov the step is d = g + mu * b, which on the first step is (1 + mu) g."
                    : $"Already the first step differs: it should move every parameter by -lr * {(nesterov ? "(1 + mu) * g" : "g")}, with lr = {Show.Number(learningRate)}.";
        }

        return momentum == 0
            ? "The first step matched and a later one did not: plain SGD keeps no state, p = p - lr * g at every step with the gradient of that step."
            : "The first step matched and a later one did not, so the velocity is wrong: keep one velocity per parameter in the stepper, " +
              "across steps; b = g on the first step, then b = mu * b + g" +
              (nesterov ? ", and step by d = g + mu * b." : ", and step by d = b.");
    }

    internal static string AdamHint(int step, double ratio, double beta1, double beta2)
    {
        var neither = (1 - beta1) / Math.Sqrt(1 - beta2);
        if (step == 1 && Near(ratio, neither))
        {
            return $"Your first step is {Show.Number(ratio)} times torch's, which is (1 - beta1) / sqrt(1 - beta2): the bias correction is missing. " +
                "m and v start at 0, so after t steps they are too small by the factors (1 - beta1^t) and (1 - beta2^t); divide by them, " +
                "mHat = m / (1 - beta1^t) and vHat = v / (1 - beta2^t), and step by lr * mHat / (sqrt(vHat) + eps), with t = 1 on the " +
                "first step of every new optimiser (a step count shared between optimisers, say a static one, starts too high).";
        }

        if (step == 1 && Near(ratio, 1 / Math.Sqrt(1 - beta2)))
        {
            return $"Your first step is {Show.Number(ratio)} times torch's, 1 / sqrt(1 - beta2): v lacks its bias correction, vHat = v / (1 - beta2^t).";
        }

        if (step == 1 && Near(ratio, 1 - beta1))
        {
            return $"Your first step is {Show.Number(ratio)} times torch's, 1 - beta1: m lacks its bias correction, mHat = m / (1 - beta1^t).";
        }

        if (Near(ratio, -1))
        {
            return "Your parameters moved by the right amount in the wrong direction: Adam steps against the gradient, p = p - lr * mHat / (sqrt(vHat) + eps).";
        }

        return step == 1
            ? "Already the first step differs. On step t = 1, m = (1 - beta1) g and v = (1 - beta2) g^2; after the bias corrections the step is " +
              "lr * g / (|g| + eps), about lr in size for every parameter. Check the order of the operations and where eps goes (outside the square root)."
            : "The first step matched and a later one did not: keep m, v and the step count t of each parameter in the stepper, across steps; " +
              "m = beta1 m + (1 - beta1) g, v = beta2 v + (1 - beta2) g^2, and the bias corrections use the current t (1, 2, 3, ...).";
    }

    [Check("zero-grad", "ZeroGrad clears accumulated gradients", Points = 1, Seed = 505)]
    private static Verdict ZeroGrad(CheckContext context)
    {
        var factory = context.Create<IOptimizerFactory>();
        using var scope = torch.NewDisposeScope();
        var problem = TestProblem.Create(context.Seed, context.Device);
        foreach (var (kind, create) in new (string, Func<IEnumerable<Parameter>, IStepper?>)[]
        {
            ("CreateSgd", parameters => factory.CreateSgd(parameters, 0.1, 0.9)),
            ("CreateAdam", parameters => factory.CreateAdam(parameters, 0.01)),
        })
        {
            var parameters = problem.NewParameters();
            var stepper = Expect.NotNull(create(parameters), kind);
            // Two backward passes without clearing: .grad now holds twice the gradient.
            problem.Loss(parameters).backward();
            problem.Loss(parameters).backward();
            stepper.ZeroGrad();
            for (var i = 0; i < parameters.Length; i++)
            {
                using var gradient = parameters[i].grad;
                if (gradient is not null && gradient.abs().max().item<double>() != 0)
                {
                    return Verdict.Fail(
                        $"after ZeroGrad of the stepper from {kind}, the gradient of {problem.Names[i]} is not zero (largest entry " +
                        $"{Show.Number(gradient.abs().max().item<double>())}). backward() adds to .grad, so ZeroGrad must clear it for " +
                        "every parameter: p.grad?.zero_() (or set it to null).");
                }
            }

            // Cleared gradients must still receive the next backward pass.
            problem.Loss(parameters).backward();
            var expected = problem.NewParameters();
            problem.Loss(expected).backward();
            for (var i = 0; i < parameters.Length; i++)
            {
                using var seen = parameters[i].grad;
                using var want = expected[i].grad!;
                if (seen is null || !(MaxAbsDifference(seen, want) <= 1e-12))
                {
                    return Verdict.Fail(
                        $"after ZeroGrad and one more backward(), the gradient of {problem.Names[i]} is not the gradient of that one pass: " +
                        "clear the gradients in place (p.grad?.zero_()) rather than replacing them with tensors autograd does not know.");
                }
            }
        }

        return Verdict.Pass("both steppers clear their gradients");
    }

    /// <summary>Condition number and size of the quadratic in <see cref="MomentumBeatsSgd"/>.</summary>
    internal const double Kappa = 100;

    [Check("momentum-beats-sgd", "momentum needs under half the steps of plain SGD on an ill-conditioned quadratic", Points = 2, Seed = 506)]
    private static Verdict MomentumBeatsSgd(CheckContext context)
    {
        var factory = context.Create<IOptimizerFactory>();
        var lr = 1 / Kappa;
        var plain = StepsOnQuadratic(context, parameters => factory.CreateSgd(parameters, lr), budget: 2000);
        var momentum = StepsOnQuadratic(context, parameters => factory.CreateSgd(parameters, lr, 0.9), budget: 2000);
        var summary = $"plain SGD needs {Describe(plain, 2000)}, SGD with momentum 0.9 {Describe(momentum, 2000)}";
        if (plain.Steps is null)
        {
            return Verdict.Fail(
                $"on f(x) = 1/2 sum_i lambda_i x_i^2 (lambda from 1 to {Show.Number(Kappa)}, lr = 1/{Show.Number(Kappa)}), {summary}. " +
                "With this learning rate plain gradient descent shrinks every x_i by the factor (1 - lr lambda_i) per step and must get " +
                "there; check sgd-trajectory first.")
                .WithCurve("f / f(start), plain SGD (log10)", plain.Curve);
        }

        return Verdict.PassIf(
            momentum.Steps is { } fast && fast < 0.5 * plain.Steps.Value,
            $"on f(x) = 1/2 sum_i lambda_i x_i^2 (lambda from 1 to {Show.Number(Kappa)}, lr = 1/{Show.Number(Kappa)}), to bring f below " +
            $"1e-6 of its start {summary}; expected momentum to need fewer than half. Along the flat directions plain SGD creeps " +
            "(each step shrinks x_i by only 1 - lr lambda_i); the velocity b = mu b + g keeps adding up the small, consistent gradients " +
            "there. Check momentum-trajectory first.",
            summary)
            .WithCurve("f / f(start), SGD with momentum (log10)", momentum.Curve);
    }

    private static string Describe((int? Steps, double[] Curve) run, int budget) =>
        run.Steps is { } steps ? $"{steps} steps" : $"more than {budget} steps";

    /// <summary>
    /// Steps until f(x) = 1/2 sum lambda_i x_i^2 with lambda_i log-spaced in [1, Kappa] (10 of
    /// them) falls below 1e-6 of f(start), from x = 1; null when the budget runs out.
    /// </summary>
    internal static (int? Steps, double[] Curve) StepsOnQuadratic(CheckContext context, Func<IEnumerable<Parameter>, IStepper?> create, int budget)
    {
        using var scope = torch.NewDisposeScope();
        const int dimensions = 10;
        var lambdas = torch.tensor(
            Enumerable.Range(0, dimensions).Select(i => Math.Pow(Kappa, i / (double)(dimensions - 1))).ToArray(),
            dtype: ScalarType.Float64, device: context.Device);
        var x = new Parameter(torch.ones(dimensions, dtype: ScalarType.Float64, device: context.Device));
        var stepper = Expect.NotNull(create([x]), "CreateSgd");
        var start = 0.5 * lambdas.sum().item<double>();
        var curve = new List<double>();
        for (var step = 0; step < budget; step++)
        {
            using var stepScope = torch.NewDisposeScope();
            var f = 0.5 * (lambdas * x * x).sum();
            var value = f.item<double>();
            if (step % 20 == 0)
            {
                curve.Add(Math.Log10(Math.Max(value / start, 1e-300)));
            }

            if (value < 1e-6 * start)
            {
                return (step, [.. curve]);
            }

            if (!double.IsFinite(value))
            {
                break;
            }

            ClearGradients([x]);
            f.backward();
            CallStep(stepper);
        }

        return (null, [.. curve]);
    }

    [Check("adam-rosenbrock", "Adam reaches the bottom of the Rosenbrock valley within 1500 steps", Points = 2, Seed = 507)]
    private static Verdict AdamRosenbrock(CheckContext context) => AdamRosenbrock(context, start: (-1.5, 2.0), learningRate: 0.1, budget: 1500);

    internal static Verdict AdamRosenbrock(CheckContext context, (double X, double Y) start, double learningRate, int budget)
    {
        var factory = context.Create<IOptimizerFactory>();
        using var scope = torch.NewDisposeScope();
        var point = new Parameter(torch.tensor(new[] { start.X, start.Y }, dtype: ScalarType.Float64, device: context.Device));
        var stepper = Expect.NotNull(factory.CreateAdam([point], learningRate), "CreateAdam");
        var curve = new List<double>();
        var value = double.NaN;
        for (var step = 0; step < budget; step++)
        {
            using var stepScope = torch.NewDisposeScope();
            var f = Rosenbrock(point);
            value = f.item<double>();
            if (step % 25 == 0)
            {
                curve.Add(Math.Log10(Math.Max(value, 1e-300)));
            }

            if (value < 1e-4)
            {
                return Verdict.Pass($"f < 1e-4 after {step} steps").WithCurve("log10 f", curve);
            }

            if (!double.IsFinite(value))
            {
                break;
            }

            ClearGradients([point]);
            f.backward();
            CallStep(stepper);
        }

        var where = ToArray(point);
        return Verdict.Fail(
            $"Adam (lr {Show.Number(learningRate)}) from ({Show.Number(start.X)}, {Show.Number(start.Y)}) on the Rosenbrock function " +
            $"f = (1 - x)^2 + 100 (y - x^2)^2 did not get f below 1e-4 within {budget} steps: it ended at ({Show.Number(where[0])}, " +
            $"{Show.Number(where[1])}) with f = {Show.Number(value)} (the minimum is f = 0 at (1, 1)). torch.optim.Adam gets there in " +
            "about half the budget. Its step, lr * mHat / (sqrt(vHat) + eps), is about lr in size whatever the scale of the gradient, " +
            "which is what carries it along the flat valley; check adam-trajectory first.")
            .WithCurve("log10 f", curve);
    }

    internal static Tensor Rosenbrock(Tensor point)
    {
        var x = point[0];
        var y = point[1];
        return (1 - x).pow(2) + (100 * (y - (x * x)).pow(2));
    }

    /// <summary>Runs the learner's Step, turning autograd's complaint about in-place updates into advice.</summary>
    internal static void CallStep(IStepper stepper)
    {
        try
        {
            stepper.Step();
        }
        catch (Exception e) when (e is not NotImplementedException && e.Message.Contains("leaf Variable that requires grad", StringComparison.Ordinal))
        {
            throw new CheckFailedException(
                "Step failed with \"a leaf Variable that requires grad is being used in an in-place operation\": autograd refuses to " +
                "record a change to a parameter. An optimiser's update is not part of the model's computation: do it inside " +
                "`using (torch.no_grad()) { ... }`.");
        }
        catch (Exception e) when (e is ObjectDisposedException || (e is InvalidOperationException && e.Message.Contains("empty handle", StringComparison.Ordinal)))
        {
            throw new CheckFailedException(
                $"Step failed with \"{e.Message}\": it used a tensor that had been disposed. State that must live from one step to the " +
                "next (a velocity, m, v) was most likely created inside a dispose scope, which disposed it at the end of that step: " +
                "create it with .DetachFromDisposeScope() (torch.zeros_like(p).DetachFromDisposeScope()), or outside the scope.");
        }
    }

    /// <summary>Sets every existing gradient to zero, as a check's own zero_grad (the learner's is checked on its own).</summary>
    internal static void ClearGradients(IEnumerable<Parameter> parameters)
    {
        // Both .grad and zero_() hand out new handles; the scope disposes them.
        using var scope = torch.NewDisposeScope();
        foreach (var parameter in parameters)
        {
            parameter.grad?.zero_();
        }
    }

    /// <summary>Median of (your update) / (torch's update) over the entries torch moved; NaN when none did.</summary>
    private static double UpdateRatio(Tensor yours, Tensor yoursBefore, Tensor theirs, Tensor theirsBefore)
    {
        var mine = ToArray(yours - yoursBefore);
        var reference = ToArray(theirs - theirsBefore);
        var ratios = mine.Zip(reference).Where(pair => Math.Abs(pair.Second) > 1e-12).Select(pair => pair.First / pair.Second).Order().ToArray();
        return ratios.Length == 0 ? double.NaN : ratios[ratios.Length / 2];
    }

    private static bool Near(double value, double target) => Math.Abs(value - target) <= 1e-3 * Math.Abs(target);

    internal static double MaxAbsDifference(Tensor a, Tensor b)
    {
        using var gap = (a.detach() - b.detach()).abs().max();
        return gap.item<double>();
    }

    internal static double[] ToArray(Tensor tensor)
    {
        using var values = tensor.detach().to(ScalarType.Float64).to(torch.CPU).flatten();
        return values.data<double>().ToArray();
    }
}

/// <summary>
/// A small smooth loss for trajectory checks: <c>mean((tanh(X W^T + b) - T)^2)</c> with fixed
/// random X [8, 2] and T [8, 3], over parameters W [3, 2] and b [3], all float64. Optionally an
/// extra parameter u [4] that enters the loss only from a given step on (until then its
/// gradient is null, as for a layer a model does not use yet).
/// </summary>
internal sealed class TestProblem
{
    private readonly Tensor _inputs;
    private readonly Tensor _targets;
    private readonly (double[] Values, long[] Shape)[] _start;
    private readonly int? _extraFromStep;

    private TestProblem(Tensor inputs, Tensor targets, (double[] Values, long[] Shape)[] start, int? extraFromStep)
    {
        _inputs = inputs;
        _targets = targets;
        _start = start;
        _extraFromStep = extraFromStep;
    }

    public Device Device => _inputs.device;

    public string[] Names => _extraFromStep is null ? ["W", "b"] : ["W", "b", "u"];

    public static TestProblem Create(int seed, Device device, int? extraFromStep = null, double scale = 1)
    {
        var random = new SeededRandom(seed);
        double[] Draw(int count, double width) => [.. Enumerable.Range(0, count).Select(_ => random.Uniform(-width, width))];
        var inputs = torch.tensor(Draw(16, 2), [8, 2], dtype: ScalarType.Float64, device: device);
        var targets = torch.tensor(Draw(24, 1), [8, 3], dtype: ScalarType.Float64, device: device);
        (double[], long[])[] start = extraFromStep is null
            ? [(Draw(6, scale), [3, 2]), (Draw(3, scale), [3])]
            : [(Draw(6, scale), [3, 2]), (Draw(3, scale), [3]), (Draw(4, scale), [4])];
        return new TestProblem(inputs, targets, start, extraFromStep);
    }

    /// <summary>Fresh parameters with the starting values, on the problem's device.</summary>
    public Parameter[] NewParameters() =>
        [.. _start.Select(p => new Parameter(torch.tensor(p.Values, p.Shape, dtype: ScalarType.Float64, device: Device)))];

    public Tensor Loss(Parameter[] parameters, int step = 1)
    {
        var loss = (torch.tanh(_inputs.matmul(parameters[0].t()) + parameters[1]) - _targets).pow(2).mean();
        return _extraFromStep is { } from && step >= from
            ? loss + (0.5 * (parameters[2] - 0.3).pow(2).sum()) + (0.1 * parameters[2].pow(4).sum())
            : loss;
    }

    /// <summary>Clears the gradients, then one backward pass of the loss at this step.</summary>
    public void Backward(Parameter[] parameters, int step)
    {
        OptimizerChecks.ClearGradients(parameters);
        using var scope = torch.NewDisposeScope();
        Loss(parameters, step).backward();
    }
}
