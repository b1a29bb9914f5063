namespace Autograder.Checks.TrafficSigns;

/// <summary>
/// Finds which rows of a training set a mini-batch holds, so that a check can recompute the loss
/// of every training step itself instead of trusting the numbers Train reports. Each image is
/// reduced to one float64 number (its projection on a fixed random direction); a batch row is
/// the training image with the nearest projection, within a tolerance far below the spacing of
/// distinct images and far above the rounding of float64 sums. Used by exercises 09 and 10.
/// </summary>
internal sealed class ImageIndex : IDisposable
{
    private const double Tolerance = 1e-7;

    private readonly Tensor direction;
    private readonly double[] keys;
    private readonly long[] rows;

    public ImageIndex(Tensor images, int seed)
    {
        using var generator = new torch.Generator((ulong)seed);
        var features = images.shape.Skip(1).Aggregate(1L, (a, b) => a * b);
        using var cpuDirection = randn([features], dtype: ScalarType.Float64, generator: generator);
        direction = cpuDirection.to(images.device);
        keys = Project(images);
        rows = [.. Enumerable.Range(0, keys.Length).Select(i => (long)i)];
        Array.Sort(keys, rows);
    }

    /// <summary>The training row of every image in <paramref name="batch"/>, or null when one is not a training image.</summary>
    public long[]? Rows(Tensor batch)
    {
        var projected = Project(batch);
        var found = new long[projected.Length];
        for (var i = 0; i < projected.Length; i++)
        {
            var at = Array.BinarySearch(keys, projected[i]);
            at = at >= 0 ? at : Nearest(~at, projected[i]);
            if (Math.Abs(keys[at] - projected[i]) > Tolerance * Math.Max(1, Math.Abs(projected[i])))
            {
                return null;
            }

            found[i] = rows[at];
        }

        return found;
    }

    private int Nearest(int insertAt, double value) =>
        insertAt == 0 ? 0
        : insertAt == keys.Length ? keys.Length - 1
        : value - keys[insertAt - 1] <= keys[insertAt] - value ? insertAt - 1 : insertAt;

    private double[] Project(Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var flat = images.detach().flatten(1).to_type(ScalarType.Float64);
        return flat.matmul(direction).cpu().data<double>().ToArray();
    }

    public void Dispose() => direction.Dispose();
}
