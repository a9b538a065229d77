using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Users.Features.People;

public sealed class FindPersonByEmailHandler(SiteDbContext db) : IRequestHandler<FindPersonByEmail, Person?>
{
    public async Task<Person?> Handle(FindPersonByEmail request, CancellationToken cancellationToken)
    {
        // Identity's normalisation of addresses (UpperInvariantLookupNormalizer), which its unique index uses.
        var normalised = request.Email.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised).People().FirstOrDefaultAsync(cancellationToken);
    }
}
