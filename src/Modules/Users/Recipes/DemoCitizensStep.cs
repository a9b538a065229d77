using System.Globalization;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Modules.Users.Recipes;

/// <summary>
/// <c>{ "name": "demo-citizens", "count": 100, "email": "demo-citizen-{0:000}@incheon.example" }</c>: confirmed
/// accounts without a password (nobody can sign in as them), with generated Korean names in random districts, whose
/// votes fill a demo's debates. Other modules' steps find them by address through Core's <c>FindPersonByEmail</c>.
/// An address that already has an account is left as it is.
/// </summary>
public sealed class DemoCitizensStep : IRecipeStep
{
    public string Name => "demo-citizens";

    private sealed record Data(int Count, string? Email);

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var data = context.Read<Data>();
        if (data.Count is < 1 or > 10_000)
        {
            throw new RecipeException(null, null, "'count' must be between 1 and 10,000.");
        }

        if (data.Email is null || !data.Email.Contains("{0", StringComparison.Ordinal) || !data.Email.Contains('@', StringComparison.Ordinal))
        {
            throw new RecipeException(null, null, "'email' must be an address pattern with {0} for the number, e.g. demo-citizen-{0:000}@example.org.");
        }

        var db = context.Db;
        var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var random = new Random(20261128);
        var regions = await db.Regions.Where(r => r.Kind == RegionKind.District).Select(r => r.Id).ToListAsync(cancellationToken);
        for (var i = 1; i <= data.Count; i++)
        {
            var email = string.Format(CultureInfo.InvariantCulture, data.Email, i);
            var normalized = email.ToUpperInvariant();
            var name = DemoNames.Next(random);
            int? region = regions.Count == 0 ? null : regions[random.Next(regions.Count)];
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
            {
                continue;
            }

            db.Users.Add(new User
            {
                Id = Guid.NewGuid(), UserName = email, NormalizedUserName = normalized, Email = email, NormalizedEmail = normalized,
                EmailConfirmed = true, ConfirmedAge14OrOver = true, SecurityStamp = Guid.NewGuid().ToString("N"),
                DisplayName = name, RegionId = region, CreatedAt = now.AddDays(-60),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
