using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Mediation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Features.People;

public sealed class ChangePreferredCultureValidator(IStringLocalizer<ChangePreferredCulture> t) : IRequestValidator<ChangePreferredCulture>
{
    public Task<IEnumerable<ValidationFailure>> ValidateAsync(ChangePreferredCulture request, CancellationToken cancellationToken) =>
        Task.FromResult<IEnumerable<ValidationFailure>>(SiteCultures.Supported.Contains(request.Culture)
            ? []
            : [new ValidationFailure(nameof(request.Culture), t["The language is not supported."])]);
}

public sealed class ChangePreferredCultureHandler(SiteDbContext db) : IRequestHandler<ChangePreferredCulture, bool>
{
    public async Task<bool> Handle(ChangePreferredCulture request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.PersonId && u.DeletedAt == null, cancellationToken);
        if (user is null)
        {
            return false;
        }

        user.PreferredCulture = request.Culture;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
