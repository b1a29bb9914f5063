using System;
using System.Collections.Generic;

namespace Autograder.Reference.Data;

/// <summary>
/// A 5x7 pixel font for digits, capital letters and a few signs, defined in code so that the
/// generated images are the same on every machine (no font files, no text renderer). The
/// traffic-sign generator draws the speed-limit digits with it; tools draw labels with it.
/// Glyphs are proportional: empty columns at their left and right are trimmed.
/// </summary>
public static class BitmapFont
{
    /// <summary>Rows per glyph.</summary>
    public const int Height = 7;

    /// <summary>Columns between two glyphs of a text.</summary>
    public const int Spacing = 1;

    private const int Columns = 5;

    private static readonly Dictionary<char, string[]> Rows = new()
    {
        ['0'] = [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."],
        ['1'] = ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
        ['2'] = [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],
        ['3'] = ["#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."],
        ['4'] = ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
        ['5'] = ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
        ['6'] = ["..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."],
        ['7'] = ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],
        ['8'] = [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
        ['9'] = [".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."],
        ['A'] = [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['B'] = ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."],
        ['C'] = [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],
        ['D'] = ["###..", "#..#.", "#...#", "#...#", "#...#", "#..#.", "###.."],
        ['E'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
        ['F'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#...."],
        ['G'] = [".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"],
        ['H'] = ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['I'] = [".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
        ['J'] = ["..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."],
        ['K'] = ["#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"],
        ['L'] = ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
        ['M'] = ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
        ['N'] = ["#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"],
        ['O'] = [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        ['P'] = ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
        ['Q'] = [".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"],
        ['R'] = ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
        ['S'] = [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
        ['T'] = ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
        ['U'] = ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        ['V'] = ["#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."],
        ['W'] = ["#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."],
        ['X'] = ["#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"],
        ['Y'] = ["#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."],
        ['Z'] = ["#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"],
        ['!'] = ["..#..", "..#..", "..#..", "..#..", "..#..", ".....", "..#.."],
        ['-'] = [".....", ".....", ".....", "#####", ".....", ".....", "....."],
        ['.'] = [".....", ".....", ".....", ".....", ".....", ".....", "..#.."],
        [','] = [".....", ".....", ".....", ".....", ".....", "..#..", ".#..."],
        [':'] = [".....", "..#..", ".....", ".....", ".....", "..#..", "....."],
        ['/'] = ["....#", "....#", "...#.", "..#..", ".#...", "#....", "#...."],
        ['='] = [".....", ".....", "#####", ".....", "#####", ".....", "....."],
        ['('] = ["...#.", "..#..", ".#...", ".#...", ".#...", "..#..", "...#."],
        [')'] = [".#...", "..#..", "...#.", "...#.", "...#.", "..#..", ".#..."],
    };

    private static readonly Dictionary<char, (int First, int Width)> Extents = ComputeExtents();

    /// <summary>Whether the font can draw <paramref name="c"/> (lower case is drawn as upper case; a space is blank).</summary>
    public static bool Supports(char c) => c == ' ' || Rows.ContainsKey(char.ToUpperInvariant(c));

    /// <summary>Width of <paramref name="c"/> in columns after trimming; a space is 3 columns wide.</summary>
    public static int Width(char c) => Extent(c).Width;

    /// <summary>Width of <paramref name="text"/> in columns, with <see cref="Spacing"/> between glyphs.</summary>
    public static int TextWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        foreach (var c in text)
        {
            width += Width(c);
        }

        return text.Length == 0 ? 0 : width + (Spacing * (text.Length - 1));
    }

    /// <summary>
    /// Whether the pixel at (<paramref name="column"/>, <paramref name="row"/>) of a line of
    /// <paramref name="text"/> is set; the text starts at column 0 and rows run 0 to 6 from the top.
    /// Positions outside the text are not set.
    /// </summary>
    public static bool IsSet(string text, int column, int row)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (row is < 0 or >= Height || column < 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            var (first, width) = Extent(c);
            if (column < width)
            {
                return c != ' ' && Rows[char.ToUpperInvariant(c)][row][first + column] == '#';
            }

            column -= width + Spacing;
            if (column < 0)
            {
                return false;
            }
        }

        return false;
    }

    private static (int First, int Width) Extent(char c)
    {
        if (c == ' ')
        {
            return (0, 3);
        }

        return Extents.TryGetValue(char.ToUpperInvariant(c), out var extent)
            ? extent
            : throw new ArgumentException($"BitmapFont has no glyph for '{c}'.", nameof(c));
    }

    private static Dictionary<char, (int First, int Width)> ComputeExtents()
    {
        var extents = new Dictionary<char, (int First, int Width)>();
        foreach (var (c, rows) in Rows)
        {
            var first = Columns;
            var last = -1;
            foreach (var row in rows)
            {
                for (var column = 0; column < Columns; column++)
                {
                    if (row[column] == '#')
                    {
                        first = Math.Min(first, column);
                        last = Math.Max(last, column);
                    }
                }
            }

            extents[c] = (first, last - first + 1);
        }

        return extents;
    }
}
