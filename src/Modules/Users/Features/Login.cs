using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
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

    public sealed class Handler(UserManager<User> users, SignInManager<User> signIn) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(request.Email.Trim());
            if (user is null || user.DeletedAt is not null)
            {
                return Outcome.InvalidCredentials;
            }

            if (!user.EmailConfirmed)
            {
                // Identity would answer "not allowed" before checking the password, telling anyone
                // that the address is registered; only someone who knows the password learns it here.
                if (await users.IsLockedOutAsync(user))
                {
                    return Outcome.LockedOut;
                }

                if (!await users.CheckPasswordAsync(user, request.Password))
                {
                    await users.AccessFailedAsync(user);
                    return await users.IsLockedOutAsync(user) ? Outcome.LockedOut : Outcome.InvalidCredentials;
                }

                return Outcome.EmailNotConfirmed;
            }

            var result = await signIn.PasswordSignInAsync(user, request.Password, request.RememberMe, lockoutOnFailure: true);
            return result.Succeeded ? Outcome.SignedIn
                : result.IsLockedOut ? Outcome.LockedOut
                : result.IsNotAllowed ? Outcome.EmailNotConfirmed
                : Outcome.InvalidCredentials;
        }
    }
}
