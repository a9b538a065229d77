using System.Globalization;
using System.Text;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Email;
using CitizenParticipation.Tests.Integration.Infrastructure;
using CitizenParticipation.Tests.Integration.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace CitizenParticipation.Tests.Integration.Email;

/// <summary>
/// A process killed after handing an email over and before marking its outbox row sent: after the restart
/// (and the row's lock has expired) the email is not delivered twice where the transport can tell, and
/// carries the same Message-ID where it cannot.
/// </summary>
public sealed class OutboxDeliveryTests(ClockedSiteFactory site) : IClassFixture<ClockedSiteFactory>
{
    private static readonly TimeSpan PastTheLock = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task An_email_written_to_the_pickup_directory_before_a_kill_is_not_written_again()
    {
        var to = $"killed-{Guid.NewGuid():N}@mail.example";
        await site.DeliverMailAsync();
        var id = await EnqueueAsync(site.Services, to);

        await SendThenDieAsync(site.Services, id);
        var first = Assert.Single(Mailbox.Read(site.MailDirectory), m => m.To.Contains(to));
        await site.DeliverMailAsync();
        Assert.Equal(OutboxStatus.Pending, await StatusAsync(site.Services, id));

        site.Clock.Advance(PastTheLock);
        await site.DeliverMailAsync();

        Assert.Equal(OutboxStatus.Sent, await StatusAsync(site.Services, id));
        var delivered = Assert.Single(Mailbox.Read(site.MailDirectory), m => m.To.Contains(to));
        Assert.NotEmpty(first.MessageId);
        Assert.Equal(first.MessageId, delivered.MessageId);
        Assert.DoesNotContain(Directory.GetFiles(site.MailDirectory), f => !f.EndsWith(".eml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_email_sent_again_by_smtp_after_a_kill_carries_the_same_message_id()
    {
        using var server = Configuration.Configure().WithRandomPort().Build();
        using var smtpSite = site.WithWebHostBuilder(b => b
            .UseSetting("Mail:SmtpHost", "127.0.0.1")
            .UseSetting("Mail:SmtpPort", server.Configuration.Port.ToString(CultureInfo.InvariantCulture))
            .UseSetting("Mail:SmtpEnableSsl", "false")
            .UseSetting("Mail:FromAddress", "no-reply@participation.example.go.kr"));
        var to = $"resent-{Guid.NewGuid():N}@mail.example";
        await DeliverAsync(smtpSite.Services);
        var id = await EnqueueAsync(smtpSite.Services, to);

        await SendThenDieAsync(smtpSite.Services, id);
        site.Clock.Advance(PastTheLock);
        await DeliverAsync(smtpSite.Services);

        Assert.Equal(OutboxStatus.Sent, await StatusAsync(smtpSite.Services, id));
        var received = server.ReceivedEmail.Select(m => Parse(m.Data)).Where(m => m.To.Mailboxes.Any(a => a.Address == to)).ToList();
        Assert.Equal(2, received.Count);
        Assert.EndsWith("@participation.example.go.kr", received[0].MessageId);
        Assert.Equal(received[0].MessageId, received[1].MessageId);
    }

    private static async Task<long> EnqueueAsync(IServiceProvider services, string to)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Enqueue(new EmailMessage(to, "청원 답변 안내", "답변이 등록되었습니다.", null, "ko"));
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        await db.SaveChangesAsync();
        return await db.OutboxMessages.Where(m => m.To == to).Select(m => m.Id).SingleAsync();
    }

    /// <summary>The outbox processor of the process that was killed once the transport had delivered row <paramref name="id"/>.</summary>
    private static async Task SendThenDieAsync(IServiceProvider services, long id)
    {
        await using var scope = services.CreateAsyncScope();
        var transport = new DiesAfterDelivering(scope.ServiceProvider.GetRequiredService<IMailTransport>(), id);
        var processor = ActivatorUtilities.CreateInstance<OutboxProcessor>(scope.ServiceProvider, (IMailTransport)transport);
        await Assert.ThrowsAsync<OperationCanceledException>(() => processor.ProcessOnceAsync(CancellationToken.None));
    }

    private static async Task DeliverAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessOnceAsync(CancellationToken.None);
    }

    private static async Task<OutboxStatus> StatusAsync(IServiceProvider services, long id)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteDbContext>().OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync();
    }

    private static MimeMessage Parse(string data) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(data)));

    private sealed class DiesAfterDelivering(IMailTransport inner, long id) : IMailTransport
    {
        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, cancellationToken);
            if (message.Id == id)
            {
                throw new OperationCanceledException("The process was killed before it marked the email sent.");
            }
        }
    }
}
