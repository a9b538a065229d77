using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace CitizenParticipation.Tests.Integration.Users;

public sealed record ReceivedMail(string To, string Subject, string ContentLanguage, string Body, string MessageId)
{
    public string Link(string path)
    {
        var match = Regex.Match(Body, $@"https?://\S+{Regex.Escape(path)}\?\S+");
        Assert.True(match.Success, $"No {path} link in the email:\n{Body}");
        return new Uri(match.Value).PathAndQuery;
    }
}

/// <summary>Reads the .eml files the site's mail transport wrote.</summary>
public static class Mailbox
{
    public static IReadOnlyList<ReceivedMail> Read(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(Load).ToList()
            : [];

    public static ReceivedMail Last(string directory, string to) =>
        Read(directory).LastOrDefault(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No email to {to} in {directory}");

    public static ReceivedMail Load(string path)
    {
        using var message = MimeMessage.Load(path);
        return new ReceivedMail(
            message.To.ToString(),
            message.Subject ?? "",
            message.Body?.Headers[HeaderId.ContentLanguage] ?? "",
            message.TextBody ?? "",
            message.MessageId ?? "");
    }
}

public static class HtmlText
{
    /// <summary>The page's text with entities decoded (the encoder may write Korean as numeric entities).</summary>
    public static async Task<string> ReadTextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
