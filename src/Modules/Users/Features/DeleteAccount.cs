using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Features;

/// <summary>
/// The owner deletes their account: personal data goes, the row stays (anonymised) so that the
/// person's contributions keep an author. Other modules drop their own personal data on <see cref="AccountDeleted"/>.
/// </summary>
public static class DeleteAccount
{
    public const string AnonymisedNamePrefix = "탈퇴회원-";

    public sealed class Command : ICommand<Unit>
    {
        [BindNever]
        public Guid UserId { get; set; }

        [Required(ErrorMessage = "The {0} field is required.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }

    public static string AnonymisedName(Guid id) => AnonymisedNamePrefix + id.ToString("N")[..6];

    public sealed class Handler(UserManager<User> users, SiteDbContext db, IMediator mediator, TimeProvider clock, IStringLocalizer<Command> t)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.UserId.ToString());
            if (user is null || user.DeletedAt is not null)
            {
                throw new InvalidOperationException("The signed-in user no longer exists.");
            }

            if (!await users.CheckPasswordAsync(user, request.Password))
            {
                throw new RequestValidationException(nameof(Command.Password), t["The password is not correct."]);
            }

            var roles = await users.GetRolesAsync(user);
            if (roles.Count > 0)
            {
                await users.RemoveFromRolesAsync(user, roles);
            }

            var anonymous = $"deleted-{user.Id:N}@deleted.invalid";
            user.UserName = anonymous;
            user.Email = anonymous;
            user.DisplayName = AnonymisedName(user.Id);
            user.PhoneNumber = null;
            user.PhoneNumberConfirmed = false;
            user.PasswordHash = null;
            user.RegionId = null;
            user.EmailConfirmed = false;
            user.ResidentVerified = false;
            user.ResidentVerifiedAt = null;
            user.TwoFactorEnabled = false;
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.DeletedAt = clock.GetUtcNow().UtcDateTime;
            db.UserClaims.RemoveRange(await db.UserClaims.Where(c => c.UserId == user.Id).ToListAsync(cancellationToken));
            db.UserLogins.RemoveRange(await db.UserLogins.Where(l => l.UserId == user.Id).ToListAsync(cancellationToken));
            db.UserTokens.RemoveRange(await db.UserTokens.Where(tk => tk.UserId == user.Id).ToListAsync(cancellationToken));

            // UpdateSecurityStampAsync saves everything above (normalising the new name and email) and
            // ends the person's other sessions at their next validation.
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The account could not be anonymised: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            await mediator.Publish(new AccountDeleted(user.Id, user.DisplayName), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
