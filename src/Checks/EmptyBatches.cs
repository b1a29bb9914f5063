namespace Autograder.Checks;

/// <summary>
/// What to tell a learner whose loop over mini-batches (or prediction chunks) runs one too many,
/// on no images: the off-by-one of <c>start &lt;= count</c>, or of a chunk count rounded up once
/// too often, which only shows when the batch size divides the number of images. Used by
/// exercises 09 and 10.
/// </summary>
internal static class EmptyBatches
{
    public static string InTrain(int count) =>
        $"Train ran the model on {count} mini-batch(es) of 0 images. The set given here is a whole number of batches, and a loop " +
        "like `for (start = 0; start <= count; start += batchSize)` then makes one batch too many, after the last row: its loss is " +
        "a mean over no examples, NaN, and its step moves the weights on stale momentum. Loop while start < count.";

    public static string InPredict(int count, int empty, string what) =>
        $"Predict on {count} {what} ran the model {empty} time(s) on a chunk of 0 {what}: the answer came out right, but the " +
        "chunk count is one too many when the chunk size divides the number. ceil(N / size) chunks are (N + size - 1) / size " +
        "in integer arithmetic; the same off-by-one in Train makes an empty batch, whose loss is NaN.";
}
