using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CitizenParticipation.Tests.Integration.Users;

public sealed record ReceivedMail(string To, string Subject, string ContentLanguage, string Body)
{
    public string Link(string path)
    {
        var match = Regex.Match(Body, $@"https?://\S+{Regex.Escape(path)}\?\S+");
        Assert.True(match.Success, $"No {path} link in the email:\n{Body}");
        return new Uri(match.Value).PathAndQuery;
    }
}

/// <summary>Reads the .eml files the site's mail transport wrote, decoding their MIME encodings.</summary>
public static partial class Mailbox
{
    public static IReadOnlyList<ReceivedMail> Read(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(f => Parse(File.ReadAllText(f))).ToList()
            : [];

    public static ReceivedMail Last(string directory, string to) =>
        Read(directory).LastOrDefault(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No email to {to} in {directory}");

    public static ReceivedMail Parse(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerText = Regex.Replace(eml[..split], @"\r\n[ \t]+", " ");
        var headers = headerText.Split("\r\n")
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = eml[(split + 4)..];
        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit").ToLowerInvariant();
        var text = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, @"\s", ""))),
            "quoted-printable" => DecodeQuotedPrintable(body),
            _ => body,
        };
        return new ReceivedMail(
            headers.GetValueOrDefault("To", ""),
            DecodeEncodedWords(headers.GetValueOrDefault("Subject", "")),
            headers.GetValueOrDefault("Content-Language", ""),
            text);
    }

    private static string DecodeQuotedPrintable(string text)
    {
        var unfolded = text.Replace("=\r\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length && Uri.IsHexDigit(unfolded[i + 1]) && Uri.IsHexDigit(unfolded[i + 2]))
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(unfolded[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWord();

    private static string DecodeEncodedWords(string value) =>
        EncodedWord().Replace(value, m => m.Groups[2].Value is "B" or "b"
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));
}

public static class HtmlText
{
    /// <summary>The page's text with entities decoded (the encoder may write Korean as numeric entities).</summary>
    public static async Task<string> ReadTextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
