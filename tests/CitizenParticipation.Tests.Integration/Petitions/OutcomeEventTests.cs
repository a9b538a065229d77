using System.Collections.Concurrent;
using System.Net;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Events;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Petitions;

/// <summary>A subscriber to outcomes that fails for the petitions a test names, as a new module's subscriber might.</summary>
public sealed class FailingSubscriber : INotificationHandler<OutcomePublished>
{
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();

    public ConcurrentQueue<string> Received { get; } = new();

    public void Fail(int petitionId, int times) => _failuresLeft[$"{petitionId}"] = times;

    public Task Handle(OutcomePublished notification, CancellationToken cancellationToken)
    {
        Received.Enqueue($"{notification.OriginId} {notification.Decision}");
        if (_failuresLeft.TryGetValue(notification.OriginId, out var left) && left > 0)
        {
            _failuresLeft[notification.OriginId] = left - 1;
            throw new InvalidOperationException($"The subscriber is down for petition {notification.OriginId}.");
        }

        return Task.CompletedTask;
    }
}

public sealed class FailingSubscriberSiteFactory : ClockedSiteFactory
{
    public FailingSubscriber Subscriber { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Events:PollIntervalSeconds", "1");
        builder.ConfigureTestServices(services => services.AddSingleton<INotificationHandler<OutcomePublished>>(Subscriber));
    }
}

/// <summary>
/// Outcomes travel through the event outbox: saved with the answer or the signature that decided them, handled after
/// the commit on the dispatcher's thread, again after a failure until every subscriber has taken them.
/// </summary>
public sealed class OutcomeEventTests(FailingSubscriberSiteFactory site) : IClassFixture<FailingSubscriberSiteFactory>
{
    private Task<OutboxEvent?> EventAsync(int petitionId, string decision) => site.WithDbAsync(db => db.OutboxEvents.AsNoTracking()
        .Where(e => e.Type == typeof(OutcomePublished).FullName && e.Payload.Contains($"\"OriginId\":\"{petitionId}\"") && e.Payload.Contains($"\"Decision\":\"{decision}\""))
        .SingleOrDefaultAsync());

    /// <summary>Waits (on a slow machine, as long as a minute) until the event has been tried <paramref name="attempts"/> times.</summary>
    private async Task<OutboxEvent> TriedAsync(int petitionId, string decision, int attempts)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var stored = await EventAsync(petitionId, decision);
            if (stored is not null && stored.Attempts >= attempts && stored.LockedUntil is null)
            {
                return stored;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The {decision} event of petition {petitionId} was not tried {attempts} times: {stored?.Attempts} attempts, {stored?.Status}.");
            await Task.Delay(50);
        }
    }

    private Task<List<(string Decision, int? TaskId)>> OutcomesAsync(int petitionId) => site.WithDbAsync(async db =>
        (await db.Set<ReceivedOutcome>().AsNoTracking().Where(o => o.OriginId == petitionId.ToString()).Select(o => new { o.Decision, o.TaskId }).ToListAsync())
        .Select(o => (o.Decision, o.TaskId)).ToList());

    [Fact]
    public async Task An_answer_is_saved_even_when_a_subscriber_fails_and_the_outcome_is_handed_over_again_until_it_is_taken()
    {
        var id = await site.OpenPetitionAsync();
        site.Subscriber.Fail(id, times: 2);
        var staff = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Staff), TestAccounts.Password);

        var response = await staff.PostFormAsync($"/admin/petitions/{id}", $"/admin/petitions/{id}/answer", new Dictionary<string, string>
        {
            ["Kind"] = "Accepted",
            ["Text"] = "정류장 대기 시간을 줄이도록 배차를 조정하겠습니다.",
            ["Official"] = "교통국장 홍길동",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PetitionStatus.Answered, (await site.PetitionAsync(id)).Status);
        var first = await TriedAsync(id, "answered", 1);
        Assert.Equal(OutboxEventStatus.Pending, first.Status);
        Assert.Contains("subscriber is down", first.LastError);

        site.Clock.Advance(TimeSpan.FromSeconds(31));
        var second = await TriedAsync(id, "answered", 2);
        Assert.Equal(OutboxEventStatus.Pending, second.Status);

        site.Clock.Advance(TimeSpan.FromSeconds(61));
        var third = await TriedAsync(id, "answered", 3);
        Assert.Equal(OutboxEventStatus.Handled, third.Status);
        Assert.Equal(3, site.Subscriber.Received.Count(r => r == $"{id} answered"));
        // The registry took it once, though it was handed over three times.
        var outcome = Assert.Single(await OutcomesAsync(id));
        Assert.Equal("answered", outcome.Decision);
        Assert.NotNull(outcome.TaskId);
    }

    [Fact]
    public async Task A_signature_that_puts_a_petition_on_the_agenda_is_counted_though_a_subscriber_fails_and_the_outcome_follows()
    {
        await site.SetPetitionSettingsAsync(s => s with { AnswerThreshold = 100, AgendaThreshold = 1 });
        var id = await site.OpenPetitionAsync();
        site.Subscriber.Fail(id, times: 1);
        var signer = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);

        var signed = await signer.PostSignAsync(id, await signer.TokenAsync($"/petitions/{id}"));

        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Equal((1, 1), await site.CountsAsync(id));
        Assert.NotNull((await site.PetitionAsync(id)).AgendaProposedAt);
        Assert.Equal(OutboxEventStatus.Pending, (await TriedAsync(id, "proposed-for-deliberation", 1)).Status);

        site.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(OutboxEventStatus.Handled, (await TriedAsync(id, "proposed-for-deliberation", 2)).Status);
        Assert.Contains(await OutcomesAsync(id), o => o.Decision == "proposed-for-deliberation");
    }
}
