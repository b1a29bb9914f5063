using Autograder.Reference.TorchSharpGpu;

namespace Autograder.Checks.TorchSharpGpu;

/// <summary>
/// Where most checks of 04 start: the learner's network, circles of the check's seed as tensors
/// (X the points, Y the classes) on a device, and the learner's model for them, made right after
/// torch is seeded from the check so that the same seed gives the same starting weights. It opens
/// a dispose scope first: disposing it disposes the model, then every tensor the check made since.
/// </summary>
internal sealed record ModelOnCircles(
    ITorchNetwork Network, Device Device, Tensor X, Tensor Y, int Hidden, nn.Module<Tensor, Tensor> Model, IDisposable Scope) : IDisposable
{
    /// <summary>On <paramref name="device"/>, or on the check's device where none is given.</summary>
    public static ModelOnCircles Create(CheckContext context, int points, int hidden, Device? device = null)
    {
        var network = context.Create<ITorchNetwork>();
        device ??= context.Device;
        var scope = NewDisposeScope();
        try
        {
            var (x, y) = ClassificationTensors.From(Generators.Circles(points, context.Seed), device);
            manual_seed(context.SeedFor("torch"));
            var model = Expect.NotNull(network.CreateModel(2, hidden, device), "CreateModel");
            return new ModelOnCircles(network, device, x, y, hidden, model, scope);
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }

    /// <summary>The learner's Train of the model on the circles; its losses, not null.</summary>
    public Tensor Train(TrainingSettings settings) =>
        Expect.NotNull(Network.Train(Model, X, Y, settings, Device), "Train");

    /// <summary>The learner's Predict of the model on the circles, not null.</summary>
    public Tensor Predict() => Expect.NotNull(Network.Predict(Model, X), "Predict");

    /// <summary>
    /// Another model of the same size from another torch seed, so that its weights differ from
    /// <see cref="Model"/>'s: what a load must overwrite.
    /// </summary>
    public nn.Module<Tensor, Tensor> FreshModel(CheckContext context)
    {
        manual_seed(context.SeedFor("torch 1"));
        return Expect.NotNull(Network.CreateModel(2, Hidden, Device), "CreateModel");
    }

    public void Dispose()
    {
        Model.Dispose();
        Scope.Dispose();
    }
}
