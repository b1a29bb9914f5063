using System.Globalization;
using System.Text;
using Autograder.Reference.Nlp;
using Autograder.Reference.Training;

namespace Exercises.Nlp;

/// <summary>
/// Exercise 07: tokens, a vocabulary, padding and a bag-of-embeddings sentiment classifier.
/// README.md in exercises/07-nlp/ explains the idea and the checks; run them with
/// `dotnet test --filter TestCategory=07-nlp`.
/// </summary>
public sealed class SentimentPipeline : ISentimentPipeline
{
    /// <summary>Lower-case; runs of letters and digits (inner apostrophes included); other symbols alone.</summary>
    public string[] Tokenize(string text)
    {
        var lower = text.ToLowerInvariant();
        var tokens = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            // A combining mark (the accent of an "é" written as e + U+0301) belongs to the run it
            // follows; '_' and other connector punctuation are not letters and end the run.
            var inWord = char.IsLetterOrDigit(c)
                || (word.Length > 0 && IsCombiningMark(c))
                || (c == '\'' && word.Length > 0 && i + 1 < lower.Length && char.IsLetterOrDigit(lower[i + 1]));
            if (inWord)
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }

            if (!char.IsWhiteSpace(c))
            {
                tokens.Add(c.ToString());
            }
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        return [.. tokens];
    }

    private static bool IsCombiningMark(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>&lt;pad&gt;, &lt;unk&gt;, then tokens seen at least minFrequency times: most frequent first, ties in ordinal order.</summary>
    public Vocabulary BuildVocabulary(IReadOnlyList<string[]> tokenizedTexts, int minFrequency)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tokens in tokenizedTexts)
        {
            foreach (var token in tokens)
            {
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        }

        var kept = counts
            .Where(pair => pair.Value >= minFrequency)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Key);
        return new Vocabulary([Vocabulary.PadToken, Vocabulary.UnknownToken, .. kept]);
    }

    /// <summary>Each token's index, &lt;unk&gt; for unknown ones.</summary>
    public int[] Encode(Vocabulary vocabulary, string[] tokens) =>
        [.. tokens.Select(token => vocabulary.IndexOf(token) is var index && index >= 0 ? index : Vocabulary.UnknownIndex)];

    /// <summary>Cut to length, or fill with &lt;pad&gt; (0) at the end.</summary>
    public int[][] Pad(IReadOnlyList<int[]> sequences, int length) =>
        [.. sequences.Select(sequence =>
        {
            var row = new int[length];
            Array.Copy(sequence, row, Math.Min(length, sequence.Length));
            return row;
        })];

    /// <summary>The vocabulary comes from the training texts only; both lists are encoded with it.</summary>
    public EncodedTexts Prepare(IReadOnlyList<string> trainTexts, IReadOnlyList<string> testTexts, TextSetup setup)
    {
        var train = trainTexts.Select(Tokenize).ToArray();
        var vocabulary = BuildVocabulary(train, setup.MinFrequency);
        int[][] EncodeAll(IEnumerable<string[]> texts) => Pad([.. texts.Select(tokens => Encode(vocabulary, tokens))], setup.Length);
        return new EncodedTexts(vocabulary, EncodeAll(train), EncodeAll(testTexts.Select(Tokenize)));
    }

    /// <summary>Embedding, masked mean, linear layer to two logits.</summary>
    public ISentimentModel CreateModel(int vocabularySize, int embeddingSize, Device device) =>
        new BagOfEmbeddings(vocabularySize, embeddingSize, device);

    /// <summary>Full-batch Adam on the cross-entropy.</summary>
    public ISentimentModel Train(int[][] trainIds, int[] trainLabels, int vocabularySize, Device device)
    {
        var model = new BagOfEmbeddings(vocabularySize, 16, device);
        using var ids = ToTensor(trainIds, device);
        using var labels = tensor(trainLabels.Select(label => (long)label).ToArray(), device: device);
        using var optimizer = new SteadyAdam(model.parameters(), learningRate: 0.05);
        model.train();
        for (var step = 0; step < 150; step++)
        {
            using var scope = NewDisposeScope();
            model.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(ids), labels);
            loss.backward();
            optimizer.Step();
        }

        model.eval();
        return model;
    }

    private static Tensor ToTensor(int[][] rows, Device device)
    {
        var width = rows.Length == 0 ? 0 : rows[0].Length;
        var flat = new long[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < width; j++)
            {
                flat[(i * width) + j] = rows[i][j];
            }
        }

        return tensor(flat, [rows.Length, width], device: device);
    }
}

/// <summary>Embeddings averaged over the real tokens of a sentence, then a linear layer.</summary>
public sealed class BagOfEmbeddings : nn.Module<Tensor, Tensor>, ISentimentModel
{
    private readonly TorchSharp.Modules.Embedding embedding;
    private readonly TorchSharp.Modules.Linear fc;

    public BagOfEmbeddings(int vocabularySize, int embeddingSize, Device device)
        : base(nameof(BagOfEmbeddings))
    {
        embedding = nn.Embedding(vocabularySize, embeddingSize, padding_idx: Vocabulary.PadIndex);
        fc = nn.Linear(embeddingSize, 2);
        RegisterComponents();
        this.to(device);
    }

    public override Tensor forward(Tensor tokenIds) => fc.forward(Pool(tokenIds));

    public Tensor Pool(Tensor tokenIds)
    {
        using var scope = NewDisposeScope();
        // 1 for a real token, 0 for padding; sign() of non-negative indices makes it without a
        // Scalar argument (SteadyAdam's remarks say why temporary Scalars are avoided).
        var mask = tokenIds.sign().to_type(ScalarType.Float32).unsqueeze(-1);
        var summed = (embedding.forward(tokenIds) * mask).sum(1);
        // A row of padding only has no tokens: divide by at least 1, giving zeros.
        var counts = torch.maximum(mask.sum(1), ones_like(mask.sum(1)));
        return (summed / counts).MoveToOuterDisposeScope();
    }

    public Tensor Logits(Tensor tokenIds) => forward(tokenIds);
}
