using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Autograder.Reference.Data;

/// <summary>How a sentence of <see cref="SentimentCorpus"/> carries its label.</summary>
public enum SentenceKind
{
    /// <summary>One opinion word decides: "the acting was superb".</summary>
    Plain,

    /// <summary>A negation turns the opinion word around: "the plot was not bad at all" is positive.</summary>
    Negated,

    /// <summary>
    /// Two opposite opinions; the second one counts: "the plot was dull, but the cast was
    /// brilliant" is positive. Swapping the two opinion words gives the same bag of words with the
    /// opposite label.
    /// </summary>
    Contrast,
}

/// <summary>A sentence with its label: 1 positive, 0 negative.</summary>
/// <param name="Text">The sentence, with capitals and punctuation.</param>
/// <param name="Label">1 when the review is positive, 0 when negative.</param>
/// <param name="Kind">Which template made it (what a model must understand to get it right).</param>
public sealed record LabelledText(string Text, int Label, SentenceKind Kind);

/// <summary>
/// Generated film reviews of one sentence each, half positive and half negative, for exercise 07.
/// Plain sentences name one opinion word; negated ones put "not", "never" or "n't" before it;
/// contrast sentences give two opposite opinions and the second one counts. Neutral filler
/// ("honestly", "to be fair", "i watched it with ...") and rare made-up names surround them.
/// </summary>
/// <remarks>
/// Negated and contrast sentences are there on purpose: their labels depend on word order, which
/// a bag of words (any model that only sees which words occur, how often) cannot see. A contrast
/// sentence and the one with its two opinion words swapped have identical bags and opposite
/// labels, so no bag-of-words model does better than chance on them; and a linear model on
/// averaged embeddings cannot get both "not good" and "not bad" right either. With the default
/// shares (20% each), a bag-of-embeddings classifier with a linear output gets about 71% held out
/// (nearly every plain sentence, most negated ones wrong, contrasts at chance); no bag-of-words
/// model can pass about 90%, since contrasts stay at chance. The recurrent models of exercise 08
/// read the words in order and do better.
/// </remarks>
public static class SentimentCorpus
{
    private static readonly string[] Subjects =
    [
        "the film", "the movie", "the plot", "the acting", "the story", "the soundtrack", "the ending",
        "the cast", "the dialogue", "the script", "the pacing", "the photography", "the direction", "the humour",
    ];

    private static readonly string[] Positive =
    [
        "good", "great", "excellent", "wonderful", "brilliant", "superb",
        "delightful", "clever", "beautiful", "charming", "gripping", "funny",
    ];

    private static readonly string[] Negative =
    [
        "bad", "awful", "terrible", "boring", "dull", "weak",
        "poor", "clumsy", "tedious", "messy", "bland", "predictable",
    ];

    private static readonly string[] Links = ["was", "is", "felt", "seemed"];

    private static readonly string[] Negations =
        ["was not", "is not", "wasn't", "isn't", "was never", "never felt", "did not seem", "didn't feel"];

    private static readonly string[] Intensifiers = ["", "", "", "really", "very", "quite", "truly", "rather"];

    private static readonly string[] Openings =
        ["", "", "", "", "honestly,", "overall,", "i think", "to be fair,", "in my opinion,", "frankly,", "well,", "for me,"];

    private static readonly string[] Endings = [".", ".", ".", "!", "", "in the end.", "to be honest.", "for sure."];

    private static readonly string[] NegatedEndings = [".", ".", "!", "", "at all.", "at all!", "in the end.", "to be honest."];

    private static readonly string[] Asides = ["i watched it with {0}", "{0} recommended it", "seen at the {0} cinema"];

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ren", "zu", "ta", "vo", "shi", "de", "an", "bel", "tor"];

    /// <summary>
    /// <paramref name="count"/> sentences in random order. Each is negated with probability
    /// <paramref name="negatedShare"/>, a contrast with probability <paramref name="contrastShare"/>,
    /// plain otherwise; positive or negative with probability 1/2, independently of its kind.
    /// </summary>
    public static LabelledText[] Generate(int count, int seed, double negatedShare = 0.2, double contrastShare = 0.2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (negatedShare < 0 || contrastShare < 0 || negatedShare + contrastShare > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(negatedShare), "the shares must be non-negative and add up to at most 1.");
        }

        var random = new SeededRandom(seed);
        var texts = new LabelledText[count];
        for (var i = 0; i < count; i++)
        {
            var draw = random.NextDouble();
            var kind = draw < negatedShare ? SentenceKind.Negated
                : draw < negatedShare + contrastShare ? SentenceKind.Contrast
                : SentenceKind.Plain;
            var label = random.NextInt(2);
            texts[i] = new LabelledText(Sentence(random, kind, label), label, kind);
        }

        return texts;
    }

    private static string Sentence(SeededRandom random, SentenceKind kind, int label)
    {
        var words = new List<string> { Pick(random, Openings) };
        var subject = Pick(random, Subjects);
        switch (kind)
        {
            case SentenceKind.Plain:
                words.AddRange([subject, Pick(random, Links), Pick(random, Intensifiers), Opinion(random, label == 1), Pick(random, Endings)]);
                break;
            case SentenceKind.Negated:
                // The opinion word says the opposite of the label; the negation turns it around.
                words.AddRange([subject, Pick(random, Negations), Pick(random, Intensifiers), Opinion(random, label == 0), Pick(random, NegatedEndings)]);
                break;
            default:
                var other = Pick(random, Subjects.Where(s => s != subject).ToArray());
                var first = Opinion(random, label == 0);
                var second = Opinion(random, label == 1);
                if (random.NextDouble() < 0.5)
                {
                    words.AddRange([subject, Pick(random, Links), Pick(random, Intensifiers), first + ",", "but", other, Pick(random, Links), second, Pick(random, Endings)]);
                }
                else
                {
                    words.AddRange(["although", subject, Pick(random, Links), first + ",", other, Pick(random, Links), Pick(random, Intensifiers), second, Pick(random, Endings)]);
                }

                break;
        }

        var text = string.Join(' ', words.Where(word => word.Length > 0)).Replace(" .", ".", StringComparison.Ordinal).Replace(" !", "!", StringComparison.Ordinal);
        if (random.NextDouble() < 0.3)
        {
            text = text.TrimEnd('.', '!') + "; " + string.Format(CultureInfo.InvariantCulture, Pick(random, Asides), Name(random)) + ".";
        }

        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Opinion(SeededRandom random, bool positive) => Pick(random, positive ? Positive : Negative);

    private static string Pick(SeededRandom random, string[] choices) => choices[random.NextInt(choices.Length)];

    /// <summary>A made-up name of two or three syllables: rare words, mostly left to &lt;unk&gt;.</summary>
    private static string Name(SeededRandom random)
    {
        var name = new StringBuilder();
        var syllables = 2 + random.NextInt(2);
        for (var s = 0; s < syllables; s++)
        {
            name.Append(Pick(random, Syllables));
        }

        return name.ToString();
    }
}
