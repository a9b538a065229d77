using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Email;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Users.Features.People;

public sealed class EmailPeopleHandler(SiteDbContext db, IEmailOutbox outbox) : IRequestHandler<EmailPeople, int>
{
    public async Task<int> Handle(EmailPeople request, CancellationToken cancellationToken)
    {
        var ids = request.PersonIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return 0;
        }

        var recipients = db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null);
        var addresses = await recipients.Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
        var people = await recipients.People().ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            outbox.EnqueueInCulture(addresses[person.Id], person.PreferredCulture, () => request.Compose(person));
        }

        return people.Count;
    }
}
