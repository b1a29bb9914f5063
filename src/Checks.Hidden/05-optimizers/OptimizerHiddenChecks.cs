using System.Globalization;
using Autograder.Checks.Optimizers;
using Autograder.Checks.TorchSharpGpu;
using Autograder.Reference.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autograder.Checks.Hidden.Optimizers;

/// <summary>
/// Exercise 05, hidden checks: trajectories against torch.optim with other settings, a
/// parameter that gets its first gradient late, two optimisers side by side, another start on
/// Rosenbrock, and live tensors over many steps. torch.optim is the reference throughout.
/// </summary>
public sealed class OptimizerHiddenChecks() : CheckSource(OptimizerChecks.Exercise)
{
    [Check("sgd-matches-torch-random", "SGD matches torch.optim.SGD with other settings", Points = 2, Seed = 1501, Visibility = Visibility.Hidden)]
    private static Verdict SgdMatchesTorchRandom(CheckContext context)
    {
        var random = context.Random();
        (double Lr, double Momentum, bool Nesterov)[] settings =
        [
            (random.Uniform(0.01, 0.5), 0, false),
            (random.Uniform(0.01, 0.5), random.Uniform(0.3, 0.99), false),
            (random.Uniform(0.01, 0.5), random.Uniform(0.3, 0.99), true),
            (random.Uniform(0.01, 0.5), 0.5, true),
            // mu = 1 is the formula's edge, not a special case: v keeps every gradient it was given.
            (random.Uniform(0.01, 0.1), 1, false),
        ];
        for (var i = 0; i < settings.Length; i++)
        {
            var (lr, momentum, nesterov) = settings[i];
            var verdict = OptimizerChecks.SgdTrajectory(Reseeded(context, i), lr, momentum, nesterov, steps: 8);
            if (verdict.Kind != VerdictKind.Passed)
            {
                return verdict;
            }
        }

        return Verdict.Pass($"{settings.Length} settings, 8 steps each, within 1e-10 of torch.optim.SGD");
    }

    [Check("adam-matches-torch-random", "Adam matches torch.optim.Adam with other settings", Points = 2, Seed = 1502, Visibility = Visibility.Hidden)]
    private static Verdict AdamMatchesTorchRandom(CheckContext context)
    {
        var random = context.Random();
        // A large eps shows where eps is added; late steps show how t is counted.
        (double Lr, double Beta1, double Beta2, double Eps)[] settings =
        [
            (random.Uniform(0.001, 0.1), random.Uniform(0.5, 0.95), random.Uniform(0.9, 0.9999), 1e-8),
            (random.Uniform(0.001, 0.1), 0.9, 0.999, random.Uniform(1e-3, 1e-1)),
            (random.Uniform(0.001, 0.1), random.Uniform(0.5, 0.95), 0.99, 1e-6),
        ];
        for (var i = 0; i < settings.Length; i++)
        {
            var (lr, beta1, beta2, eps) = settings[i];
            var verdict = OptimizerChecks.AdamTrajectory(Reseeded(context, i), lr, beta1, beta2, eps, steps: 12);
            if (verdict.Kind != VerdictKind.Passed)
            {
                return verdict;
            }
        }

        return Verdict.Pass("3 settings, 12 steps each, within 1e-10 of torch.optim.Adam");
    }

    [Check("late-gradient", "a parameter without a gradient is left alone and starts its own count later", Points = 1, Seed = 1503, Visibility = Visibility.Hidden)]
    private static Verdict LateGradient(CheckContext context)
    {
        var factory = context.Create<IOptimizerFactory>();
        // u enters the loss at step 3: until then its .grad is null, and torch.optim leaves it
        // alone; Adam then counts u's steps from 1, not from 3.
        var problem = TestProblem.Create(context.Seed, context.Device, extraFromStep: 3);
        var sgd = OptimizerChecks.CompareTrajectory(
            context, "SGD with momentum 0.9 and a parameter u that has no gradient before step 3", 6,
            parameters => factory.CreateSgd(parameters, 0.1, 0.9),
            parameters => torch.optim.SGD(parameters, 0.1, 0.9),
            (step, name, ratio) => name == "u" ? LateHint : OptimizerChecks.SgdHint(step, ratio, 0.1, 0.9, nesterov: false),
            problem);
        if (sgd.Kind != VerdictKind.Passed)
        {
            return sgd;
        }

        var adam = OptimizerChecks.CompareTrajectory(
            context, "Adam and a parameter u that has no gradient before step 3", 6,
            parameters => factory.CreateAdam(parameters, 0.05),
            parameters => torch.optim.Adam(parameters, 0.05),
            (step, name, ratio) => name == "u"
                ? LateHint + AdamLateHint
                : OptimizerChecks.AdamHint(step, ratio, 0.9, 0.999),
            problem);
        if (adam.Kind != VerdictKind.Passed)
        {
            return adam;
        }

        // The same runs with u handed to the optimiser first: they passed with u last, so a
        // difference now comes from the order, that is from a Step that stops at the parameter
        // without a gradient instead of skipping it.
        sgd = OptimizerChecks.CompareTrajectory(
            context, "SGD with momentum 0.9, the parameter u without a gradient first in the list", 6,
            parameters => factory.CreateSgd(parameters.Reverse(), 0.1, 0.9),
            parameters => torch.optim.SGD(parameters.Reverse(), 0.1, 0.9),
            (step, name, ratio) => name == "u" ? LateHint : OrderHint,
            problem);
        if (sgd.Kind != VerdictKind.Passed)
        {
            return sgd;
        }

        return OptimizerChecks.CompareTrajectory(
            context, "Adam, the parameter u without a gradient first in the list", 6,
            parameters => factory.CreateAdam(parameters.Reverse(), 0.05),
            parameters => torch.optim.Adam(parameters.Reverse(), 0.05),
            (step, name, ratio) => name == "u" ? LateHint + AdamLateHint : OrderHint,
            problem);
    }

    private const string AdamLateHint =
        " For Adam, t counts the steps in which that parameter had a gradient: u's first step has t = 1, whatever the others' count.";

    private const string OrderHint =
        "The same run passed with u last in the list: what changed is that the parameter without a gradient now comes first. " +
        "Step must skip just that parameter (continue with the next one), not end the whole step there (break or return).";

    private const string LateHint =
        "A parameter whose .grad is null has not taken part in the loss yet: Step must skip it (no update, no velocity, no moments) " +
        "and deal with it from the first step in which it has a gradient.";

    [Check("steppers-independent", "two optimisers keep their own state", Points = 1, Seed = 1504, Visibility = Visibility.Hidden)]
    private static Verdict SteppersIndependent(CheckContext context)
    {
        var factory = context.Create<IOptimizerFactory>();
        // Shared state is blamed only with evidence: first each optimiser on its own, from a fresh
        // instance, must follow torch.optim; only then can a difference with two of them at once
        // come from what they share.
        var alone = OptimizerChecks.CompareTrajectory(
            context, "one Adam optimiser on its own (learning rate 0.02, beta1 0.8, beta2 0.99)", 3,
            parameters => factory.CreateAdam(parameters, 0.02, 0.8, 0.99),
            parameters => torch.optim.Adam(parameters, 0.02, 0.8, 0.99),
            (step, _, ratio) => OptimizerChecks.AdamHint(step, ratio, 0.8, 0.99),
            TestProblem.Create(context.Seed + 1, context.Device));
        if (alone.Kind != VerdictKind.Passed)
        {
            return Verdict.Fail(
                alone.Message + " This optimiser was the only one in use, so the update itself differs, not state shared between " +
                "optimisers: adam-trajectory shows the same.");
        }

        var next = OptimizerChecks.CompareTrajectory(
            context, "a second Adam optimiser, created after the first one and used on its own (learning rate 0.05)", 6,
            parameters => factory.CreateAdam(parameters, 0.05),
            parameters => torch.optim.Adam(parameters, 0.05),
            (step, _, ratio) => OptimizerChecks.AdamHint(step, ratio, 0.9, 0.999),
            TestProblem.Create(context.Seed, context.Device));
        if (next.Kind != VerdictKind.Passed)
        {
            return Verdict.Fail(
                next.Message + " A first optimiser, created fresh and used on its own, followed torch.optim: something of it survives " +
                "into the next one. Keep the moments and the step count in fields of the instance, not in static fields.");
        }

        using var scope = torch.NewDisposeScope();
        var first = TestProblem.Create(context.Seed, context.Device);
        var second = TestProblem.Create(context.Seed + 1, context.Device);
        var (yoursA, yoursB) = (first.NewParameters(), second.NewParameters());
        var (theirsA, theirsB) = (first.NewParameters(), second.NewParameters());
        var learnerA = Expect.NotNull(factory.CreateAdam(yoursA, 0.05), "CreateAdam");
        var learnerB = Expect.NotNull(factory.CreateAdam(yoursB, 0.02, 0.8, 0.99), "CreateAdam");
        var referenceA = torch.optim.Adam(theirsA, 0.05);
        var referenceB = torch.optim.Adam(theirsB, 0.02, 0.8, 0.99);
        // A steps at every round, B at every other one: shared state or a shared step count shows.
        for (var round = 1; round <= 6; round++)
        {
            first.Backward(yoursA, 1);
            OptimizerChecks.CallStep(learnerA);
            first.Backward(theirsA, 1);
            referenceA.step();
            if (round % 2 == 0)
            {
                second.Backward(yoursB, 1);
                OptimizerChecks.CallStep(learnerB);
                second.Backward(theirsB, 1);
                referenceB.step();
            }

            var gap = Math.Max(
                yoursA.Zip(theirsA, OptimizerChecks.MaxAbsDifference).Max(),
                yoursB.Zip(theirsB, OptimizerChecks.MaxAbsDifference).Max());
            if (!(gap <= OptimizerChecks.Tolerance))
            {
                // Each of them was right on its own above: the difference comes from using two at once.
                return Verdict.Fail(
                    string.Create(CultureInfo.InvariantCulture,
                        $"two Adam optimisers with different settings, stepped at different rates, drift from torch.optim's after round {round} ") +
                    $"(largest difference {Show.Number(gap)}), though each of them follows torch.optim when used alone. Each stepper keeps its own " +
                    "parameters, settings, moments and step counts: " +
                    "nothing static, nothing shared between instances.");
            }
        }

        return Verdict.Pass("two steppers, each as torch.optim");
    }

    [Check("adam-rosenbrock-other-start", "Adam reaches the Rosenbrock minimum from another start", Points = 1, Seed = 1505, Visibility = Visibility.Hidden)]
    private static Verdict AdamRosenbrockOtherStart(CheckContext context) =>
        OptimizerChecks.AdamRosenbrock(context, start: (0.0, -1.0), learningRate: 0.1, budget: 2000);

    [Check("no-tensor-leak", "live tensors stay flat over 100 optimiser steps", Points = 1, Seed = 1506, Visibility = Visibility.Hidden)]
    private static Verdict NoTensorLeak(CheckContext context)
    {
        var factory = context.Create<IOptimizerFactory>();
        var counts = new List<string>();
        var worst = long.MinValue;
        foreach (var (kind, create) in new (string, Func<IEnumerable<Parameter>, IStepper?>)[]
        {
            ("CreateSgd with momentum", parameters => factory.CreateSgd(parameters, 0.05, 0.9, nesterov: true)),
            ("CreateAdam", parameters => factory.CreateAdam(parameters, 0.01)),
        })
        {
            var after20 = LiveAfterSteps(context, create, 20);
            var after120 = LiveAfterSteps(context, create, 120);
            counts.Add($"{kind}: {after20} after 20 steps, {after120} after 120");
            worst = Math.Max(worst, after120 - after20);
            if (after120 - after20 > 5)
            {
                return Verdict.Fail(
                    $"with the stepper from {kind}, {after20} more tensors are alive after 20 steps than before, {after120} after 120: " +
                    $"about {Show.Number((after120 - after20) / 100.0)} per step are never disposed. Reading p.grad gives a new tensor " +
                    "each time, and so does every operation: start Step with `using var scope = torch.NewDisposeScope();` (ZeroGrad too), " +
                    "and keep the state that must outlive the step (velocities, moments) out of it with .DetachFromDisposeScope() " +
                    "or by updating it in place.");
            }
        }

        return Verdict.Pass("tensors kept: " + string.Join("; ", counts))
            .WithMeasurement("tensors left by 100 more steps (worst stepper)", worst, 5, higherIsBetter: false);
    }

    private static long LiveAfterSteps(CheckContext context, Func<IEnumerable<Parameter>, IStepper?> create, int steps)
    {
        using var scope = torch.NewDisposeScope();
        var problem = TestProblem.Create(context.Seed, context.Device);
        var parameters = problem.NewParameters();
        var stepper = Expect.NotNull(create(parameters), "the factory");
        var before = TorchNetworkChecks.SettledLiveTensors();
        // Only Step is counted: the check clears the gradients and runs backward in its own scopes.
        for (var step = 0; step < steps; step++)
        {
            problem.Backward(parameters, 1);
            OptimizerChecks.CallStep(stepper);
        }

        // TorchSharp's own count of live tensors: learner code cannot reset it, unlike
        // DisposeScopeManager.Statistics.
        return TorchNetworkChecks.LiveTensors() - before;
    }

    /// <summary>The same check on other data: the context of another seed.</summary>
    private static CheckContext Reseeded(CheckContext context, int variant) =>
        new(context.Submission, OptimizerChecks.Exercise.Id, context.Seed + (1000 * (variant + 1)), context.Cancellation);
}
