using System.Security.Claims;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace CitizenParticipation.Modules.Debates.Services;

/// <summary>The permission checks the handlers repeat, so that a rule holds whichever page (or test) sends the command.</summary>
public sealed class DebateAccess(IAuthorizationService authorization, IMediator mediator)
{
    public async Task RequireAsync(ClaimsPrincipal actor, Permission permission)
    {
        if (!await authorization.AuthorizeAsync(actor, permission))
        {
            throw new ForbiddenException($"{permission.Name} is needed for this.");
        }
    }

    /// <summary>The person as they are now (their verification may have changed since they signed in); null for a deleted account.</summary>
    public async Task<Person?> PersonAsync(Guid id, CancellationToken cancellationToken) => await mediator.Send(new GetPerson(id), cancellationToken);

    public static bool Reaches(Person? person, VerificationLevel level) => person is not null && person.VerificationLevel >= level;
}
