using System.Text;
using CitizenParticipation.Core.Csv;

namespace CitizenParticipation.Tests.Unit;

public sealed class SpreadsheetCsvTests
{
    [Fact]
    public async Task Text_is_defused_and_quoted_as_RFC_4180_says_while_numbers_dates_and_flags_are_written_as_they_are()
    {
        using var stream = new MemoryStream();
        await using (var csv = SpreadsheetCsvWriter.Create(stream, ["id", "title", "longitude", "day", "at", "public"]))
        {
            csv.Number(7).Text("=1+1").Number(-3.5).Date(new DateOnly(2026, 3, 1)).Time(new DateTime(2026, 3, 1, 9, 30, 5, DateTimeKind.Utc)).Flag(true);
            await csv.EndRowAsync(CancellationToken.None);
            csv.Number(-8).Text("-3 ℃ 한파 대책, \"긴급\"\n둘째 줄").Number((double?)null).Date(null).Time(null).Flag(false);
            await csv.EndRowAsync(CancellationToken.None);
            csv.Number((long?)null).Text(null).Number(0.1).Date(null).Time(null).Flag(false);
            await csv.EndRowAsync(CancellationToken.None);
        }

        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(
            "id,title,longitude,day,at,public\r\n" +
            "7,'=1+1,-3.5,2026-03-01,2026-03-01T09:30:05Z,true\r\n" +
            "-8,\"'-3 ℃ 한파 대책, \"\"긴급\"\"\n둘째 줄\",,,,false\r\n" +
            ",,0.1,,,false\r\n",
            Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+82 32 120", "'+82 32 120")]
    [InlineData("-3 ℃ 한파 대책", "'-3 ℃ 한파 대책")]
    [InlineData("@담당자", "'@담당자")]
    [InlineData("\t탭", "'\t탭")]
    [InlineData("\r줄", "'\r줄")]
    [InlineData("＝SUM(A1)", "'＝SUM(A1)")]
    [InlineData("＋1", "'＋1")]
    [InlineData("－1", "'－1")]
    [InlineData("＠담당자", "'＠담당자")]
    [InlineData("'=이미 따옴표", "''=이미 따옴표")]
    [InlineData("''-두 개", "'''-두 개")]
    [InlineData("'인용", "'인용")]
    [InlineData("'", "'")]
    [InlineData("버스 노선 = 개편", "버스 노선 = 개편")]
    [InlineData("", "")]
    public void Text_that_starts_like_a_formula_gets_an_apostrophe_that_reading_takes_off_again(string text, string written)
    {
        Assert.Equal(written, SpreadsheetFormulas.Defuse(text));
        Assert.Equal(text, SpreadsheetFormulas.Restore(written));
    }
}
