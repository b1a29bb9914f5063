using System.Collections.Generic;
using TorchSharp;

namespace Autograder.Reference.Nlp;

/// <summary>
/// Exercise 07: from raw sentences to a sentiment classifier. The class you write in
/// <c>exercises/07-nlp/SentimentPipeline.cs</c> implements this interface: text becomes tokens,
/// tokens become indices in a vocabulary, index lists are padded to one length, and a
/// bag-of-embeddings model classifies them as negative (0) or positive (1).
/// </summary>
public interface ISentimentPipeline
{
    /// <summary>
    /// Splits <paramref name="text"/> into tokens, exactly like this: lower-case the text with
    /// <c>ToLowerInvariant</c>; a token is a maximal run of letters and digits
    /// (<c>char.IsLetterOrDigit</c>), where an apostrophe <c>'</c> with a letter or digit right
    /// before and right after it also belongs to the run (<c>wasn't</c> is one token); every other
    /// character that is not white space (<c>char.IsWhiteSpace</c>) is a token of its own (<c>!</c>,
    /// <c>,</c>, a lone <c>'</c>); white space only separates. Tokens come in text order.
    /// </summary>
    string[] Tokenize(string text);

    /// <summary>
    /// The vocabulary of <paramref name="tokenizedTexts"/>: index 0 is <see cref="Vocabulary.PadToken"/>,
    /// index 1 <see cref="Vocabulary.UnknownToken"/>, then every token that occurs at least
    /// <paramref name="minFrequency"/> times in all the texts together, the most frequent first;
    /// tokens with the same count in ordinal order (<c>string.CompareOrdinal</c>).
    /// </summary>
    Vocabulary BuildVocabulary(IReadOnlyList<string[]> tokenizedTexts, int minFrequency);

    /// <summary>
    /// The index of every token in <paramref name="vocabulary"/>, in order;
    /// <see cref="Vocabulary.UnknownIndex"/> for a token it does not hold.
    /// </summary>
    int[] Encode(Vocabulary vocabulary, string[] tokens);

    /// <summary>
    /// Every sequence made exactly <paramref name="length"/> long: longer ones keep their first
    /// <paramref name="length"/> indices, shorter ones get <see cref="Vocabulary.PadIndex"/> (0)
    /// appended.
    /// </summary>
    int[][] Pad(IReadOnlyList<int[]> sequences, int length);

    /// <summary>
    /// Tokenizes both lists, builds the vocabulary from the training texts only (with
    /// <c>setup.MinFrequency</c>), then encodes and pads both lists to <c>setup.Length</c> with it.
    /// Test words the training texts never had (often enough) become <see cref="Vocabulary.UnknownIndex"/>.
    /// </summary>
    EncodedTexts Prepare(IReadOnlyList<string> trainTexts, IReadOnlyList<string> testTexts, TextSetup setup);

    /// <summary>
    /// A new, untrained bag-of-embeddings model on <paramref name="device"/>: one embedding of
    /// <paramref name="embeddingSize"/> values per vocabulary index, the mean of a sentence's
    /// embeddings over its real tokens (padding left out), and a linear layer to two logits.
    /// </summary>
    ISentimentModel CreateModel(int vocabularySize, int embeddingSize, torch.Device device);

    /// <summary>
    /// A model from <see cref="CreateModel"/> trained on padded index rows and their labels (0 or 1)
    /// on <paramref name="device"/>. The caller seeds TorchSharp's random generator first; draw
    /// anything random from it.
    /// </summary>
    ISentimentModel Train(int[][] trainIds, int[] trainLabels, int vocabularySize, torch.Device device);
}

/// <summary>
/// A bag-of-embeddings sentiment model. Inputs are <c>[N, T]</c> int64 tensors of vocabulary
/// indices, padded with 0, on the model's device. Dispose it to free its tensors.
/// </summary>
public interface ISentimentModel : System.IDisposable
{
    /// <summary>
    /// <c>[N, D]</c>: for each row, the mean of the embeddings of its non-padding tokens. Appending
    /// padding never changes it; a row of padding only gives zeros.
    /// </summary>
    torch.Tensor Pool(torch.Tensor tokenIds);

    /// <summary><c>[N, 2]</c>: the logits of negative (column 0) and positive (column 1).</summary>
    torch.Tensor Logits(torch.Tensor tokenIds);
}

/// <summary>How <see cref="ISentimentPipeline.Prepare"/> turns texts into index rows.</summary>
/// <param name="MinFrequency">Fewest occurrences in the training texts for a token to get its own index.</param>
/// <param name="Length">Length of every padded row.</param>
public sealed record TextSetup(int MinFrequency, int Length);

/// <summary>What <see cref="ISentimentPipeline.Prepare"/> returns.</summary>
/// <param name="Vocabulary">The vocabulary of the training texts.</param>
/// <param name="Train">One padded index row per training text, in order.</param>
/// <param name="Test">One padded index row per test text, in order.</param>
public sealed record EncodedTexts(Vocabulary Vocabulary, int[][] Train, int[][] Test);
