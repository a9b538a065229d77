using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Users.Services;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace CitizenParticipation.Modules.Users.Features;

public static class Login
{
    public enum Outcome { SignedIn, InvalidCredentials, EmailNotConfirmed, LockedOut }

    public sealed class Command : ICommand<Outcome>
    {
        [Required(ErrorMessage = "The {0} field is required.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "The {0} field is required.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }

        public string? ReturnUrl { get; set; }
    }

    /// <summary>
    /// Signs in. A wrong password, an unknown address and a locked account answer alike, so the form tells nobody
    /// which addresses are registered; the owner of an account that has just been locked is told by email.
    /// </summary>
    public sealed class Handler(UserManager<User> users, SignInManager<User> signIn, AccountEmails emails, SiteDbContext db) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(request.Email.Trim());
            if (user is null || user.DeletedAt is not null)
            {
                // Hash anyway: an answer that came back faster would tell that the address is unknown.
                users.PasswordHasher.VerifyHashedPassword(new User(), UnknownAccountHash, request.Password);
                return Outcome.InvalidCredentials;
            }

            var wasLocked = await users.IsLockedOutAsync(user);
            if (!user.EmailConfirmed)
            {
                // Identity would answer "not allowed" before checking the password, telling anyone
                // that the address is registered; only someone who knows the password learns it here.
                if (wasLocked)
                {
                    return Outcome.LockedOut;
                }

                if (!await users.CheckPasswordAsync(user, request.Password))
                {
                    await users.AccessFailedAsync(user);
                    return await LockedNowAsync(user, cancellationToken) ? Outcome.LockedOut : Outcome.InvalidCredentials;
                }

                return Outcome.EmailNotConfirmed;
            }

            var result = await signIn.PasswordSignInAsync(user, request.Password, request.RememberMe, lockoutOnFailure: true);
            if (result.IsLockedOut && !wasLocked)
            {
                await LockedNowAsync(user, cancellationToken);
            }

            return result.Succeeded ? Outcome.SignedIn
                : result.IsLockedOut ? Outcome.LockedOut
                : result.IsNotAllowed ? Outcome.EmailNotConfirmed
                : Outcome.InvalidCredentials;
        }

        /// <summary>Emails the owner when this attempt locked the account.</summary>
        private async Task<bool> LockedNowAsync(User user, CancellationToken cancellationToken)
        {
            if (!await users.IsLockedOutAsync(user))
            {
                return false;
            }

            await emails.EnqueueLockedOutAsync(user, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        private static string? _unknownAccountHash;

        private string UnknownAccountHash => _unknownAccountHash ??= users.PasswordHasher.HashPassword(new User(), "no account has this password");
    }
}
