using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Mediation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Home.Features;

/// <summary>Remembers the language a signed-in person chose, so that their next sign-in and their emails use it.</summary>
public sealed record ChangePreferredCulture(Guid UserId, string Culture) : ICommand<bool>;

public sealed class ChangePreferredCultureValidator : IRequestValidator<ChangePreferredCulture>
{
    public Task<IEnumerable<ValidationFailure>> ValidateAsync(ChangePreferredCulture request, CancellationToken cancellationToken) =>
        Task.FromResult<IEnumerable<ValidationFailure>>(SiteCultures.Supported.Contains(request.Culture)
            ? []
            : [new ValidationFailure(nameof(request.Culture), "The language is not supported.")]);
}

public sealed class ChangePreferredCultureHandler(SiteDbContext db) : IRequestHandler<ChangePreferredCulture, bool>
{
    public async Task<bool> Handle(ChangePreferredCulture request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId && u.DeletedAt == null, cancellationToken);
        if (user is null)
        {
            return false;
        }

        user.PreferredCulture = request.Culture;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
