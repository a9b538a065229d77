using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Users.Features;

public static class GetProfile
{
    public sealed record Result(
        Guid Id,
        string Email,
        string DisplayName,
        int? RegionId,
        string? RegionName,
        string PreferredCulture,
        VerificationLevel VerificationLevel,
        DateTime? ResidentVerifiedAt,
        DateTime CreatedAt);

    public sealed record Query(Guid UserId) : IRequest<Result?>;

    public sealed class Handler(SiteDbContext db) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Region)
                .FirstOrDefaultAsync(u => u.Id == request.UserId && u.DeletedAt == null, cancellationToken);
            return user is null
                ? null
                : new Result(user.Id, user.Email ?? "", user.DisplayName, user.RegionId,
                    user.Region is { } r ? SiteCultures.Pick(r.NameKo, r.NameEn) : null,
                    user.PreferredCulture, user.VerificationLevel, user.ResidentVerifiedAt, user.CreatedAt);
        }
    }
}
