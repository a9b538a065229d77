using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Features.Admin;

/// <summary>Staff checked (in person or by document) that the account belongs to a resident, or withdraw that.</summary>
public static class SetResidentVerified
{
    public sealed record Command(Guid UserId, bool Verified) : ICommand<Unit>;

    public sealed class Handler(SiteDbContext db, TimeProvider clock, IStringLocalizer<Command> t) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
            if (user is null || user.DeletedAt is not null)
            {
                throw new RequestValidationException("", t["This account was deleted and cannot be changed."]);
            }

            if (request.Verified && !user.EmailConfirmed)
            {
                throw new RequestValidationException("", t["The email address of this account is not confirmed yet."]);
            }

            user.ResidentVerified = request.Verified;
            user.ResidentVerifiedAt = request.Verified ? clock.GetUtcNow().UtcDateTime : null;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
