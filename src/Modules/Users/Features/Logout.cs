using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace CitizenParticipation.Modules.Users.Features;

public static class Logout
{
    /// <summary>
    /// Ends the person's sessions on the server: a new security stamp refuses every cookie issued before it,
    /// including a copy of this browser's (deleting the cookie alone leaves copies working until they expire).
    /// </summary>
    public sealed record Command(Guid UserId) : ICommand<Unit>;

    public sealed class Handler(UserManager<User> users) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await users.FindByIdAsync(request.UserId.ToString()) is { } user)
            {
                var result = await users.UpdateSecurityStampAsync(user);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"The security stamp could not be renewed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }

            return Unit.Value;
        }
    }
}
