namespace Autograder.Checks.TrafficSigns;

/// <summary>
/// The check's own account of a training run: the loss of every training step, recomputed from
/// the logits the model gave and the labels of the images in the batch, grouped into epochs of
/// <c>count</c> images. Train reports the mean loss of each epoch; the check compares what it
/// reports with this instead of trusting it. Used by exercises 09 and 10.
/// </summary>
internal sealed class EpochLosses(long count)
{
    private readonly List<(double Sum, long Images)> steps = [];

    /// <summary>Forward passes in training mode whose images were not training images (augmented or made up).</summary>
    public int Unmatched { get; private set; }

    public long Images => steps.Sum(step => step.Images);

    public void Add(double meanLoss, long images) => steps.Add((meanLoss * images, images));

    public void AddUnmatched() => Unmatched++;

    /// <summary>The image-weighted mean loss of each epoch: steps are assigned in order, <c>count</c> images an epoch.</summary>
    public double[] Means(int epochs)
    {
        var sums = new double[epochs];
        var images = new long[epochs];
        var seen = 0L;
        foreach (var (sum, n) in steps)
        {
            var epoch = (int)Math.Min(epochs - 1, seen / count);
            sums[epoch] += sum;
            images[epoch] += n;
            seen += n;
        }

        return [.. sums.Select((sum, e) => images[e] == 0 ? double.NaN : sum / images[e])];
    }

    /// <summary>
    /// Null when <paramref name="reported"/> is the mean training loss of each epoch as the check
    /// recomputed it (within 1e-3, relative above 1), else what is wrong, for the learner;
    /// <paramref name="lossHint"/> covers the other cause, a loss that is not the one asked for.
    /// </summary>
    public string? Disagreement(double[] reported, int epochs, string lossName, string lossHint)
    {
        if (Unmatched > 0)
        {
            return $"Train ran the model in training mode on {Unmatched} batch(es) that are not images of the training set. " +
                "Train on the images as given, in mini-batches of its rows (no augmentation, no made-up inputs): the check " +
                "recomputes the loss of every training step from the logits your model gave and the labels of those images, to " +
                "verify the losses Train reports.";
        }

        if (Images != epochs * count)
        {
            return $"Train ran the model in training mode (with gradients) on {Images} images in all; {epochs} epochs over " +
                $"{count} training images are {epochs * count}. Each epoch is one pass over the training set, each image in " +
                "exactly one mini-batch, one forward pass per mini-batch.";
        }

        var means = Means(epochs);
        for (var e = 0; e < epochs; e++)
        {
            if (!(Math.Abs(reported[e] - means[e]) <= 1e-3 * Math.Max(1, Math.Abs(means[e]))))
            {
                return $"Train reported a loss of {Show.Number(reported[e])} for epoch {e + 1}, but the mean {lossName} of that epoch's " +
                    $"mini-batches, recomputed by the check from your model's logits, is {Show.Number(means[e])} " +
                    $"(all epochs: {Show.Vector(means)}; reported: {Show.Vector(reported)}). Report, for each epoch, the mean of the " +
                    "mini-batch losses weighted by batch size (the sum of loss.item() x batch size over the epoch, divided by the " +
                    $"number of images), not the last batch's loss and not a number of your own. {lossHint}";
            }
        }

        return null;
    }
}
