using System.Text;

namespace CitizenParticipation.Core.Text;

/// <summary>
/// The terms a search index keeps for a text, and that a query looks up: every pair of adjacent letters or digits
/// (a bigram), in lower case. Korean needs no dictionary this way: a word with a particle or inside a compound
/// ("버스가", "마을버스") holds the query's pairs ("버스"), so every text that contains the query as a substring
/// holds all of its terms. The index only narrows the candidates; the substring test decides.
/// </summary>
public static class SearchTerms
{
    /// <summary>The longest term in UTF-16 units: two characters outside the basic plane.</summary>
    public const int MaxLength = 4;

    /// <summary>The distinct terms of <paramref name="text"/>; none for a text without two adjacent letters or digits.</summary>
    public static IReadOnlySet<string> Of(string? text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }

        Rune? previous = null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune))
            {
                previous = null;
                continue;
            }

            var lower = Rune.ToLowerInvariant(rune);
            if (previous is { } first)
            {
                terms.Add(first.ToString() + lower.ToString());
            }

            previous = lower;
        }

        return terms;
    }
}
