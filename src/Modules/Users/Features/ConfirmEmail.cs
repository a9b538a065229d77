using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Users.Services;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace CitizenParticipation.Modules.Users.Features;

public static class ConfirmEmail
{
    /// <summary>Answers whether the address is now confirmed.</summary>
    public sealed record Command(Guid UserId, string? Code) : ICommand<bool>;

    public sealed class Handler(UserManager<User> users) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var token = AccountEmails.DecodeCode(request.Code);
            var user = await users.FindByIdAsync(request.UserId.ToString());
            if (token is null || user is null || user.DeletedAt is not null)
            {
                return false;
            }

            if (user.EmailConfirmed)
            {
                return true;
            }

            return (await users.ConfirmEmailAsync(user, token)).Succeeded;
        }
    }
}
