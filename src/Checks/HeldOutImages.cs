namespace Autograder.Checks;

/// <summary>
/// Held-out images the learner's code cannot look up (exercises 09 and 10): what the generator made
/// from <c>seed</c>, shuffled and given faint per-pixel noise from the check's own random source, so
/// that regenerating the generator's images does not reproduce them, and their order gives nothing away.
/// </summary>
internal static class HeldOutImages
{
    public static LabelledImages Disguise(LabelledImages generated, int seed, int checkSeed, Device device)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(unchecked((ulong)((checkSeed * 7919L) + seed)));
        var order = randperm(generated.Images.shape[0], generator: generator).to(device);
        var noise = randn(generated.Images.shape, generator: generator).to(device).mul(0.01);
        var images = generated.Images.index_select(0, order).add(noise).clamp(0, 1);
        var labels = generated.Labels.index_select(0, order);
        return new LabelledImages(images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }
}
