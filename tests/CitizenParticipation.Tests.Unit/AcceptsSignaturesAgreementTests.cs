using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Modules;
using CitizenParticipation.Data.Sqlite;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using Microsoft.EntityFrameworkCore;
using static CitizenParticipation.Modules.Petitions.Services.SignatureBatcher;

namespace CitizenParticipation.Tests.Unit;

/// <summary>
/// "Accepts signatures" is one rule: for every state and every closing date around now, the entity, the signature
/// writer's refusal and the writer's SQL guard (run on a real SQLite database) give the same answer.
/// </summary>
public sealed class AcceptsSignaturesAgreementTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"accepts-signatures-{Guid.NewGuid():N}.db");

    public static TheoryData<PetitionStatus> AllStatuses() => new(Enum.GetValues<PetitionStatus>());

    private static readonly DateTime?[] ClosingDates = [null, Now.AddDays(-1), Now.AddSeconds(-1), Now, Now.AddSeconds(1), Now.AddDays(30)];

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public async Task The_entity_the_writers_refusal_and_its_sql_agree(PetitionStatus status)
    {
        var options = new DbContextOptionsBuilder<SiteDbContext>();
        SqliteDatabase.Configure(options, $"Data Source={_file}");
        await using var db = new SiteDbContext(options.Options, ModuleCatalog.FromDependencyContext());
        await db.Database.EnsureCreatedAsync();
        var author = new User { Id = Guid.NewGuid(), UserName = "author@example.com", Email = "author@example.com", EmailConfirmed = true, DisplayName = "홍길동", CreatedAt = Now };
        db.Users.Add(author);
        var petition = new Petition(author.Id, author.DisplayName, Now.AddDays(-10));
        db.Add(petition);
        await db.SaveChangesAsync();
        var signer = new Signer(Guid.NewGuid(), "김철수", VerificationLevel.ResidentVerified, null, "example.com");
        var settings = new PetitionSettings { RequiredVerification = VerificationLevel.None };

        await db.Database.OpenConnectionAsync();
        await using var count = db.Database.GetDbConnection().CreateCommand();
        count.CommandText = CountSql;
        foreach (var (name, value) in new (string, object)[] { ("@agree", 1), ("@disagree", 0), ("@id", petition.Id), ("@now", Now) })
        {
            var parameter = count.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            count.Parameters.Add(parameter);
        }

        foreach (var closesAt in ClosingDates)
        {
            await db.Set<Petition>().Where(p => p.Id == petition.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, status).SetProperty(p => p.ClosesAt, closesAt));
            var stored = await db.Set<Petition>().AsNoTracking().SingleAsync(p => p.Id == petition.Id);

            var entity = stored.AcceptsSignatures(Now);
            var writer = Refusal(new PetitionState(stored.Id, stored.Status, stored.ClosesAt, stored.SignatureCount, true, true), signer, settings, Now) is null;
            var sql = await count.ExecuteNonQueryAsync() == 1;

            var expected = status is PetitionStatus.Open or PetitionStatus.AwaitingAnswer && closesAt > Now;
            Assert.True(entity == expected && writer == expected && sql == expected,
                $"{status}, closing {closesAt:O}: entity {entity}, refusal {writer}, SQL {sql}; expected {expected}.");
        }
    }

    public void Dispose()
    {
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
    }
}
