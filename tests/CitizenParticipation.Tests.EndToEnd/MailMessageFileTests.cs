using System.Text;
using CitizenParticipation.Tests.EndToEnd.Infrastructure;
using MimeKit;
using MimeKit.Text;

namespace CitizenParticipation.Tests.EndToEnd;

/// <summary>The .eml reader against a message written as the site's mail sender writes it: 7-bit encoded UTF-8 parts and header words.</summary>
public sealed class MailMessageFileTests
{
    [Fact]
    public void Reads_links_and_korean_text_from_a_pickup_directory_email()
    {
        var link = "http://127.0.0.1:5000/account/confirm-email?userId=8f0c2a4e-1d7b-4c55-9f1e-3a2b6c7d8e9f&code=" + new string('A', 120) + "%3D%3D";
        using var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse("no-reply@citizen.example"));
        mail.To.Add(new MailboxAddress("김시민", "visitor@example.com"));
        mail.Subject = "이메일 주소를 확인해 주십시오";
        var text = new TextPart(TextFormat.Plain);
        text.SetText(Encoding.UTF8, $"안녕하십니까, 김시민님.\n아래 링크를 눌러 가입을 완료하십시오.\n{link}\n");
        var html = new TextPart(TextFormat.Html);
        html.SetText(Encoding.UTF8, $"<p>아래 링크를 눌러 주십시오.</p><p><a href=\"{link.Replace("&", "&amp;")}\">확인</a></p>");
        mail.Body = new MultipartAlternative { text, html };
        mail.Prepare(EncodingConstraint.SevenBit);
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var file = new MemoryStream();
        mail.WriteTo(format, file);

        var parsed = MailMessageFile.Parse(Encoding.ASCII.GetString(file.ToArray()));

        Assert.Contains("visitor@example.com", parsed.To);
        Assert.Equal("이메일 주소를 확인해 주십시오", parsed.Subject);
        Assert.Equal(2, parsed.Bodies.Count);
        Assert.Contains(parsed.Bodies, b => b.Contains("김시민님"));
        Assert.All(parsed.Links, l => Assert.Equal(link, l));
        Assert.NotEmpty(parsed.Links);
    }
}
