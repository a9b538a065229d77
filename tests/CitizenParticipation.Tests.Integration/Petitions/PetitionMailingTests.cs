using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Email;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Petitions;

/// <summary>Emails to every signer are written to the outbox in chunks, outside the signing transaction, once each.</summary>
public sealed class PetitionMailingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Reaching_the_threshold_mails_every_valid_signer_once_in_chunks_outside_the_signing_transaction()
    {
        const int signers = 1203;
        await site.SetPetitionSettingsAsync(s => s with { AnswerThreshold = signers + 1, AgendaThreshold = 100000, SignPerIpPerMinute = 10000 });
        var id = await site.OpenPetitionAsync("하천 악취 대책");
        var run = Guid.NewGuid().ToString("N")[..8];

        // 1,203 people signed already (one of them later invalidated, one deleted their account).
        await site.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            for (var i = 0; i < signers; i++)
            {
                var user = new User { Id = Guid.NewGuid(), UserName = $"m{i}-{run}@mail.example", NormalizedUserName = $"M{i}-{run}@MAIL.EXAMPLE", Email = $"m{i}-{run}@mail.example",
                    NormalizedEmail = $"M{i}-{run}@MAIL.EXAMPLE", EmailConfirmed = true, DisplayName = $"서명자{i}", SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = now,
                    PreferredCulture = i % 3 == 0 ? "en" : "ko", DeletedAt = i == 7 ? now : null };
                db.Users.Add(user);
                db.Add(new PetitionSignature { PetitionId = id, UserId = user.Id, SignerName = user.DisplayName, CreatedAt = now, InvalidationId = i == 11 ? -1 : null });
            }

            await db.SaveChangesAsync();
            return await db.Set<Petition>().Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.SignatureCount, signers));
        });
        await site.DeliverMailAsync();
        var outboxBefore = await site.WithDbAsync(db => db.OutboxMessages.CountAsync());

        // The signature that reaches the threshold: the request answers at once, no signer email is written yet.
        var last = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await last.PostSignAsync(id, await last.TokenAsync($"/petitions/{id}"))).StatusCode);
        Assert.Equal(PetitionStatus.AwaitingAnswer, await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        var mailing = await site.WithDbAsync(db => db.Set<PetitionMailing>().SingleAsync(m => m.PetitionId == id));
        Assert.Null(mailing.CompletedAt);
        Assert.Equal(0, mailing.CursorSignatureId);
        var staffOnly = await site.WithDbAsync(db => db.OutboxMessages.CountAsync()) - outboxBefore;
        Assert.True(staffOnly < 50, $"{staffOnly} emails were written in the signing request");

        // The outbox processor expands it: 1,204 signers minus the invalidated and the deleted one, each once.
        await site.WithScopeAsync(services => services.GetRequiredService<OutboxProcessor>().ExpandMailingsAsync(CancellationToken.None));
        await site.WithScopeAsync(services => services.GetRequiredService<OutboxProcessor>().ExpandMailingsAsync(CancellationToken.None));
        var to = await site.WithDbAsync(db => db.OutboxMessages.Where(m => m.To.EndsWith($"-{run}@mail.example")).Select(m => m.To).ToListAsync());
        Assert.Equal(signers - 2, to.Count);
        Assert.Equal(to.Count, to.Distinct().Count());
        Assert.DoesNotContain($"m7-{run}@mail.example", to);
        Assert.DoesNotContain($"m11-{run}@mail.example", to);
        var english = await site.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == $"m3-{run}@mail.example").Select(m => m.Subject).SingleAsync());
        Assert.Contains("reached the answer threshold", english);
        var korean = await site.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == $"m4-{run}@mail.example").Select(m => m.Subject).SingleAsync());
        Assert.Contains("답변 기준", korean);
        mailing = await site.WithDbAsync(db => db.Set<PetitionMailing>().SingleAsync(m => m.PetitionId == id));
        Assert.NotNull(mailing.CompletedAt);
        Assert.Equal(mailing.CutoffSignatureId, mailing.CursorSignatureId);
    }
}
