using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Users.Features.People;

public sealed class GetPeopleHandler(SiteDbContext db) : IRequestHandler<GetPeople, IReadOnlyDictionary<Guid, Person>>
{
    public async Task<IReadOnlyDictionary<Guid, Person>> Handle(GetPeople request, CancellationToken cancellationToken)
    {
        var ids = request.Ids.Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<Guid, Person>()
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).People().ToDictionaryAsync(p => p.Id, cancellationToken);
    }
}

public sealed class GetPersonHandler(SiteDbContext db) : IRequestHandler<GetPerson, Person?>
{
    public async Task<Person?> Handle(GetPerson request, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == request.Id).People().FirstOrDefaultAsync(cancellationToken);
}
