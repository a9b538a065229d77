using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using CitizenParticipation.Tests.EndToEnd.Infrastructure;

namespace CitizenParticipation.Tests.EndToEnd;

/// <summary>The .eml reader against what System.Net.Mail writes, as the site's mail sender does.</summary>
public sealed class MailMessageFileTests
{
    [Fact]
    public void Reads_links_and_korean_text_from_a_pickup_directory_email()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cp-e2e-mail-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var link = "http://127.0.0.1:5000/account/confirm-email?userId=8f0c2a4e-1d7b-4c55-9f1e-3a2b6c7d8e9f&code=" + new string('A', 120) + "%3D%3D";
            using (var mail = new MailMessage("no-reply@citizen.example", "김시민 <visitor@example.com>")
                   {
                       Subject = "이메일 주소를 확인해 주십시오",
                       SubjectEncoding = Encoding.UTF8,
                       Body = $"안녕하십니까, 김시민님.\n아래 링크를 눌러 가입을 완료하십시오.\n{link}\n",
                       BodyEncoding = Encoding.UTF8,
                   })
            {
                mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(
                    $"<p>아래 링크를 눌러 주십시오.</p><p><a href=\"{link.Replace("&", "&amp;")}\">확인</a></p>", Encoding.UTF8, MediaTypeNames.Text.Html));
                using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = directory };
                client.Send(mail);
            }

            var parsed = MailMessageFile.Parse(File.ReadAllText(Directory.GetFiles(directory, "*.eml").Single()));

            Assert.Contains("visitor@example.com", parsed.To);
            Assert.Equal("이메일 주소를 확인해 주십시오", parsed.Subject);
            Assert.Contains(parsed.Bodies, b => b.Contains("김시민님"));
            Assert.All(parsed.Links, l => Assert.Equal(link, l));
            Assert.NotEmpty(parsed.Links);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
