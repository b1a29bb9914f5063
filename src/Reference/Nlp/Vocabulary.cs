using System;
using System.Collections.Generic;

namespace Autograder.Reference.Nlp;

/// <summary>
/// Tokens and their indices: the token at position <c>i</c> of <see cref="Tokens"/> has index
/// <c>i</c>. By the course's convention index 0 is <see cref="PadToken"/> and index 1
/// <see cref="UnknownToken"/> (see <see cref="ISentimentPipeline.BuildVocabulary"/>).
/// </summary>
public sealed class Vocabulary
{
    /// <summary>The token that fills rows up to their length.</summary>
    public const string PadToken = "<pad>";

    /// <summary>The token that stands for every word the vocabulary does not hold.</summary>
    public const string UnknownToken = "<unk>";

    /// <summary>Index of <see cref="PadToken"/>.</summary>
    public const int PadIndex = 0;

    /// <summary>Index of <see cref="UnknownToken"/>.</summary>
    public const int UnknownIndex = 1;

    private readonly Dictionary<string, int> _indices;

    /// <summary>A vocabulary of <paramref name="tokens"/>, in index order.</summary>
    /// <exception cref="ArgumentException">A token occurs twice.</exception>
    public Vocabulary(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Tokens = [.. tokens];
        _indices = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (!_indices.TryAdd(Tokens[i], i))
            {
                throw new ArgumentException($"'{Tokens[i]}' occurs twice in the vocabulary (at {_indices[Tokens[i]]} and {i}).", nameof(tokens));
            }
        }
    }

    /// <summary>Every token, in index order.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Number of tokens, the size an embedding table needs.</summary>
    public int Count => Tokens.Count;

    /// <summary>The index of <paramref name="token"/>, or -1 when the vocabulary does not hold it.</summary>
    public int IndexOf(string token) => _indices.TryGetValue(token, out var index) ? index : -1;

    /// <summary>Whether the vocabulary holds <paramref name="token"/>.</summary>
    public bool Contains(string token) => _indices.ContainsKey(token);
}
