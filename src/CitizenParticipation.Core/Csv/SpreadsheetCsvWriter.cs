using System.Globalization;
using CsvHelper;

namespace CitizenParticipation.Core.Csv;

/// <summary>
/// Every CSV file the site writes: UTF-8 with a byte order mark (spreadsheet programs read Korean as the local code page
/// without it), RFC 4180 quoting and CRLF line ends, written to a stream as it goes. Cells are typed: <see cref="Text"/>
/// is for text, whoever wrote it, and is defused against formulas (<see cref="SpreadsheetFormulas"/>); numbers, dates
/// and flags are written as they are, so that a negative coordinate stays a number.
/// </summary>
public sealed class SpreadsheetCsvWriter : IAsyncDisposable
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
        TrueValue = "true",
        FalseValue = "false",
    };

    private readonly CsvWriter csv;

    private SpreadsheetCsvWriter(CsvWriter csv) => this.csv = csv;

    /// <summary>Starts a file with its header row. The destination stays open when the writer is disposed.</summary>
    public static SpreadsheetCsvWriter Create(Stream destination, IReadOnlyList<string> columns)
    {
        var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(columns.ToArray());
        return new SpreadsheetCsvWriter(csv);
    }

    public SpreadsheetCsvWriter Text(string? value)
    {
        csv.WriteField(SpreadsheetFormulas.Defuse(value));
        return this;
    }

    public SpreadsheetCsvWriter Number(long? value)
    {
        csv.WriteField(value, "");
        return this;
    }

    /// <summary>The shortest text that reads back as the same number.</summary>
    public SpreadsheetCsvWriter Number(double? value)
    {
        csv.WriteField(value, "");
        return this;
    }

    public SpreadsheetCsvWriter Date(DateOnly? value)
    {
        csv.WriteField(value, "yyyy-MM-dd");
        return this;
    }

    /// <summary>A UTC time as RFC 3339, to the second: 2026-03-01T09:30:00Z.</summary>
    public SpreadsheetCsvWriter Time(DateTime? utc)
    {
        csv.WriteField(utc is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : (DateTime?)null, "yyyy-MM-dd'T'HH:mm:ss'Z'");
        return this;
    }

    public SpreadsheetCsvWriter Flag(bool value)
    {
        csv.WriteField(value);
        return this;
    }

    /// <summary>Ends the row; writes to the destination once the buffer is mostly full.</summary>
    public ValueTask EndRowAsync(CancellationToken cancellationToken) => csv.EndRecordAsync(cancellationToken);

    /// <summary>Writes what is left and flushes the destination.</summary>
    public ValueTask DisposeAsync() => csv.DisposeAsync();
}
