using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Users.Features.People;

public sealed class GetAccountNamesHandler(SiteDbContext db) : IRequestHandler<GetAccountNames, IReadOnlyDictionary<Guid, AccountName>>
{
    public async Task<IReadOnlyDictionary<Guid, AccountName>> Handle(GetAccountNames request, CancellationToken cancellationToken)
    {
        var ids = request.Ids.ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new AccountName(u.Id, u.DisplayName, u.Email ?? ""))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
    }
}
