using System.Globalization;
using System.Text;
using CitizenParticipation.Core.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace CitizenParticipation.Core.Email;

public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Sends through SMTP (MailKit); with no SMTP host it writes .eml files a newcomer can open. A row may be
/// handed over again after a crash between sending and marking it sent: the pickup directory then keeps
/// the file it has, and an SMTP receiver sees the same Message-ID twice and can drop the second.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options, SitePaths paths) : IMailTransport
{
    private static readonly FormatOptions FileFormat = CrLf();

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var messageId = OutboxMime.MessageId(message, o.FromAddress);
        using var mime = OutboxMime.Compose(message, messageId, o);
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var directory = string.IsNullOrWhiteSpace(o.PickupDirectory) ? Path.Combine(paths.AppData, "mail") : o.PickupDirectory;
            Directory.CreateDirectory(directory);
            await WriteOnceAsync(mime, Path.Combine(directory, OutboxMime.FileName(messageId) + ".eml"), cancellationToken);
        }
        else
        {
            await SendBySmtpAsync(mime, o.SmtpHost, o, cancellationToken);
        }
    }

    /// <summary>
    /// One file per Message-ID, written under a temporary name and renamed, so that a file with the final
    /// name is always whole and an existing one means this row was delivered before.
    /// </summary>
    private static async Task WriteOnceAsync(MimeMessage mime, string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            return;
        }

        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await mime.WriteToAsync(FileFormat, file, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance that claimed the row after an expired lock wrote it first.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task SendBySmtpAsync(MimeMessage mime, string host, MailOptions o, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, o.SmtpTimeoutSeconds)).TotalMilliseconds };
        var security = !o.SmtpEnableSsl ? SecureSocketOptions.None
            : o.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(host, o.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.SmtpUserName))
        {
            await client.AuthenticateAsync(o.SmtpUserName, o.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception)
        {
            // The server has accepted the message; failing now would only send it again.
        }
    }

    private static FormatOptions CrLf()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}

internal static class OutboxMime
{
    /// <summary>
    /// The same for every attempt at one outbox row: its id, its creation time (ids start again in a new
    /// database) and the From address's domain. Microseconds, because PostgreSQL keeps no finer time.
    /// </summary>
    public static string MessageId(OutboxMessage message, string fromAddress) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{message.Id}.{message.CreatedAt:yyyyMMddHHmmssffffff}.outbox@{new IdnMapping().GetAscii(MailboxAddress.Parse(fromAddress).Domain)}");

    public static MimeMessage Compose(OutboxMessage message, string messageId, MailOptions options)
    {
        var mime = new MimeMessage
        {
            MessageId = messageId,
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc)),
            Subject = message.Subject,
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        var text = Utf8(TextFormat.Plain, message.TextBody);
        mime.Body = message.HtmlBody is null ? text : new MultipartAlternative { text, Utf8(TextFormat.Html, message.HtmlBody) };
        // A Content-* header describes the body (RFC 3282), and MimeKit keeps it with the body entity.
        mime.Body.Headers.Add(HeaderId.ContentLanguage, message.Culture);
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }

    /// <summary>A Message-ID as a file name: what is not a letter, digit, dot, dash or @ becomes an underscore.</summary>
    public static string FileName(string messageId) =>
        string.Concat(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '@' ? c : '_'));

    private static TextPart Utf8(TextFormat format, string content)
    {
        var part = new TextPart(format);
        part.SetText(Encoding.UTF8, content);
        return part;
    }
}
