using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

public sealed record AdminPetitionRow(int Id, string Title, PetitionStatus Status, string AuthorName, DateTime UpdatedAt, int SignatureCount, DateTime? AnswerDueAt, string? LockedBy);

public sealed record ListAdminPetitions(PetitionStatus? Status) : IRequest<IReadOnlyList<AdminPetitionRow>>;

public sealed class ListAdminPetitionsHandler(SiteDbContext db, TimeProvider clock) : IRequestHandler<ListAdminPetitions, IReadOnlyList<AdminPetitionRow>>
{
    public async Task<IReadOnlyList<AdminPetitionRow>> Handle(ListAdminPetitions request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Set<Petition>().AsNoTracking().Where(p => p.Status != PetitionStatus.Draft);
        if (request.Status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        return await query.OrderBy(p => p.Status).ThenByDescending(p => p.UpdatedAt).Take(200)
            .Select(p => new AdminPetitionRow(p.Id, p.Title, p.Status, p.AuthorName, p.UpdatedAt, p.SignatureCount, p.AnswerDueAt,
                p.ModerationLockedUntil > now ? p.ModerationLockedByName : null))
            .ToListAsync(cancellationToken);
    }
}
