using CitizenParticipation.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Admin.Features;

public sealed record GetReferenceItem(ReferenceKind Kind, int Id) : IRequest<ReferenceRow?>;

public sealed class GetReferenceItemHandler(SiteDbContext db) : IRequestHandler<GetReferenceItem, ReferenceRow?>
{
    public Task<ReferenceRow?> Handle(GetReferenceItem request, CancellationToken cancellationToken) =>
        ReferenceRows.Of(db, request.Kind).FirstOrDefaultAsync(r => r.Id == request.Id, cancellationToken);
}
