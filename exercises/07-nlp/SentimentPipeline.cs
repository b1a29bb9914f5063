using Autograder.Reference.Nlp;

namespace Exercises.Nlp;

/// <summary>
/// Exercise 07: tokens, a vocabulary, padding and a bag-of-embeddings sentiment classifier.
/// README.md in this folder explains the idea and the checks; run them with
/// `dotnet test --filter TestCategory=07-nlp`.
/// </summary>
public sealed class SentimentPipeline : ISentimentPipeline
{
    /// <summary>Lower-case; runs of letters and digits (inner apostrophes included); other symbols alone.</summary>
    public string[] Tokenize(string text)
    {
        throw new NotImplementedException("SentimentPipeline.Tokenize is not implemented yet.");
    }

    /// <summary>&lt;pad&gt;, &lt;unk&gt;, then tokens seen at least minFrequency times: most frequent first, ties in ordinal order.</summary>
    public Vocabulary BuildVocabulary(IReadOnlyList<string[]> tokenizedTexts, int minFrequency)
    {
        throw new NotImplementedException("SentimentPipeline.BuildVocabulary is not implemented yet.");
    }

    /// <summary>Each token's index, &lt;unk&gt; for unknown ones.</summary>
    public int[] Encode(Vocabulary vocabulary, string[] tokens)
    {
        throw new NotImplementedException("SentimentPipeline.Encode is not implemented yet.");
    }

    /// <summary>Cut to length, or fill with &lt;pad&gt; (0) at the end.</summary>
    public int[][] Pad(IReadOnlyList<int[]> sequences, int length)
    {
        throw new NotImplementedException("SentimentPipeline.Pad is not implemented yet.");
    }

    /// <summary>The vocabulary comes from the training texts only; both lists are encoded with it.</summary>
    public EncodedTexts Prepare(IReadOnlyList<string> trainTexts, IReadOnlyList<string> testTexts, TextSetup setup)
    {
        throw new NotImplementedException("SentimentPipeline.Prepare is not implemented yet.");
    }

    /// <summary>A new <see cref="BagOfEmbeddings"/> on the device given.</summary>
    public ISentimentModel CreateModel(int vocabularySize, int embeddingSize, Device device)
    {
        throw new NotImplementedException("SentimentPipeline.CreateModel is not implemented yet.");
    }

    /// <summary>A model from CreateModel, trained on the cross-entropy of its two logits.</summary>
    public ISentimentModel Train(int[][] trainIds, int[] trainLabels, int vocabularySize, Device device)
    {
        throw new NotImplementedException("SentimentPipeline.Train is not implemented yet.");
    }
}

/// <summary>Embeddings averaged over the real tokens of a sentence, then a linear layer to two logits.</summary>
public sealed class BagOfEmbeddings : nn.Module<Tensor, Tensor>, ISentimentModel
{
    /// <summary>Creates the embedding table and the linear layer, registers them and moves them to <paramref name="device"/>.</summary>
    public BagOfEmbeddings(int vocabularySize, int embeddingSize, Device device)
        : base(nameof(BagOfEmbeddings))
    {
    }

    /// <summary>[N, T] indices to [N, 2] logits: the linear layer applied to <see cref="Pool"/>.</summary>
    public override Tensor forward(Tensor tokenIds)
    {
        throw new NotImplementedException("BagOfEmbeddings.forward is not implemented yet.");
    }

    /// <summary>[N, T] indices to [N, D]: the mean of the embeddings of the non-padding tokens of each row.</summary>
    public Tensor Pool(Tensor tokenIds)
    {
        throw new NotImplementedException("BagOfEmbeddings.Pool is not implemented yet.");
    }

    /// <summary>The same as forward.</summary>
    public Tensor Logits(Tensor tokenIds)
    {
        throw new NotImplementedException("BagOfEmbeddings.Logits is not implemented yet.");
    }
}
