using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace CitizenParticipation.Tests.EndToEnd.Infrastructure;

/// <summary>An .eml file the site wrote, read with MimeKit: recipients, subject and the text of every text part.</summary>
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
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var message = MimeMessage.Load(stream);
        return new MailMessageFile(
            message.To.ToString(),
            message.Subject ?? "",
            message.BodyParts.OfType<TextPart>().Where(p => !p.IsAttachment).Select(p => p.Text).ToList());
    }

    [GeneratedRegex("""https?://[^\s"'<>]+""")]
    private static partial Regex LinkPattern();
}
