using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Features.Admin;

public static class UnlockUser
{
    public sealed record Command(Guid UserId) : ICommand<Unit>;

    public sealed class Handler(UserManager<User> users, IStringLocalizer<Command> t) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.UserId.ToString());
            if (user is null || user.DeletedAt is not null)
            {
                throw new RequestValidationException("", t["This account was deleted and cannot be changed."]);
            }

            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return Unit.Value;
        }
    }
}
