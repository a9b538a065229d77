using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CitizenParticipation.Tests.EndToEnd.Infrastructure;

/// <summary>
/// Just enough of a MIME reader for the .eml files the site writes: headers, nested multiparts and
/// quoted-printable or base64 bodies.
/// </summary>
public sealed partial class MailMessageFile
{
    private MailMessageFile(string to, string subject, IReadOnlyList<string> bodies)
    {
        To = to;
        Subject = subject;
        Bodies = bodies;
    }

    public string To { get; }
    public string Subject { get; }
    /// <summary>The decoded text of every text/* part.</summary>
    public IReadOnlyList<string> Bodies { get; }

    public IEnumerable<string> Links =>
        Bodies.SelectMany(b => LinkPattern().Matches(b).Select(m => WebUtility.HtmlDecode(m.Value).TrimEnd('.', ',', ')')))
            .Distinct();

    public static MailMessageFile Parse(string text)
    {
        var (headers, body) = SplitHeaders(text.Replace("\r\n", "\n"));
        var bodies = new List<string>();
        ReadPart(headers, body, bodies);
        return new MailMessageFile(
            DecodeWords(headers.GetValueOrDefault("to", "")),
            DecodeWords(headers.GetValueOrDefault("subject", "")),
            bodies);
    }

    private static void ReadPart(Dictionary<string, string> headers, string body, List<string> bodies)
    {
        var contentType = headers.GetValueOrDefault("content-type", "text/plain");
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = Parameter(contentType, "boundary") ?? throw new FormatException("A multipart without a boundary.");
            foreach (var chunk in body.Split("--" + boundary).Skip(1))
            {
                if (chunk.StartsWith("--", StringComparison.Ordinal))
                {
                    break;
                }

                var (partHeaders, partBody) = SplitHeaders(chunk.TrimStart('\n'));
                ReadPart(partHeaders, partBody, bodies);
            }

            return;
        }

        if (!contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var charset = Parameter(contentType, "charset") ?? "utf-8";
        var encoding = Encoding.GetEncoding(charset);
        var transfer = headers.GetValueOrDefault("content-transfer-encoding", "7bit").Trim().ToLowerInvariant();
        var bytes = transfer switch
        {
            "base64" => Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))),
            "quoted-printable" => DecodeQuotedPrintable(body),
            _ => Encoding.UTF8.GetBytes(body),
        };
        bodies.Add(encoding.GetString(bytes));
    }

    private static (Dictionary<string, string> Headers, string Body) SplitHeaders(string text)
    {
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? text : text[..end];
        var body = end < 0 ? "" : text[(end + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += " " + line.Trim();
            }
            else if (line.IndexOf(':') is > 0 and var colon)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, body);
    }

    private static string? Parameter(string header, string name)
    {
        var match = Regex.Match(header, name + "\\s*=\\s*(\"(?<v>[^\"]*)\"|(?<v>[^;\\s]+))", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups["v"].Value : null;
    }

    private static byte[] DecodeQuotedPrintable(string body)
    {
        var output = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '=' && i + 1 < body.Length && body[i + 1] == '\n')
            {
                i++;
            }
            else if (c == '=' && i + 2 < body.Length && Uri.IsHexDigit(body[i + 1]) && Uri.IsHexDigit(body[i + 2]))
            {
                output.Add(Convert.ToByte(body.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                output.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// RFC 2047 encoded words, as in <c>=?utf-8?B?...?=</c>. Adjacent words form one text: the space
    /// between them is dropped and their bytes are joined, since a character may span two words.
    /// </summary>
    private static string DecodeWords(string value)
    {
        var result = new StringBuilder();
        var pending = new List<byte>();
        Encoding? pendingEncoding = null;
        var position = 0;

        void Flush()
        {
            if (pendingEncoding is not null)
            {
                result.Append(pendingEncoding.GetString(pending.ToArray()));
                pending.Clear();
                pendingEncoding = null;
            }
        }

        foreach (Match m in EncodedWord().Matches(value))
        {
            var between = value[position..m.Index];
            var encoding = Encoding.GetEncoding(m.Groups["charset"].Value);
            if (pendingEncoding is null || !string.IsNullOrWhiteSpace(between) || !Equals(encoding, pendingEncoding))
            {
                Flush();
                result.Append(between);
            }

            var text = m.Groups["text"].Value;
            pending.AddRange(m.Groups["kind"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(text)
                : DecodeQuotedPrintable(text.Replace('_', ' ')));
            pendingEncoding = encoding;
            position = m.Index + m.Length;
        }

        Flush();
        result.Append(value[position..]);
        return result.ToString();
    }

    [GeneratedRegex("""https?://[^\s"'<>]+""")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<kind>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
