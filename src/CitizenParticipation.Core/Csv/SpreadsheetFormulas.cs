using System.Buffers;

namespace CitizenParticipation.Core.Csv;

/// <summary>
/// Text that a spreadsheet program would run as a formula when it opens a CSV file (CSV injection) gets a leading
/// <c>'</c>, which spreadsheets read as "this cell is text", as OWASP advises. <see cref="Restore"/> undoes it exactly,
/// so that a file the site wrote reads back as the text that went in.
/// </summary>
public static class SpreadsheetFormulas
{
    // OWASP's list, and the full-width forms: Korean and Japanese Excel turn full-width input into a formula too.
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r＝＋－＠");

    public static string Defuse(string? text) => text is null ? "" : StartsLikeFormula(text) ? "'" + text : text;

    public static string Restore(string text) => text.StartsWith('\'') && StartsLikeFormula(text.AsSpan(1)) ? text[1..] : text;

    // Apostrophes already in front count, so that "'=x" is written "''=x" and reads back as "'=x", not "=x".
    private static bool StartsLikeFormula(ReadOnlySpan<char> text) => text.TrimStart('\'') is [var first, ..] && FormulaStarts.Contains(first);
}
