using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Users.Services;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Features;

public static class ResetPassword
{
    public sealed class Command : ICommand<Unit>
    {
        public Guid UserId { get; set; }

        public string Code { get; set; } = "";

        [Required(ErrorMessage = "The {0} field is required.")]
        [StringLength(100, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "The {0} field is required.")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirm new password")]
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Handler(UserManager<User> users, IStringLocalizer<Command> t) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var token = AccountEmails.DecodeCode(request.Code);
            var user = await users.FindByIdAsync(request.UserId.ToString());
            if (token is null || user is null || user.DeletedAt is not null)
            {
                throw new RequestValidationException("", t["The link is invalid or has expired."]);
            }

            var result = await users.ResetPasswordAsync(user, token, request.Password);
            if (!result.Succeeded)
            {
                throw new RequestValidationException(result.ToFailures(otherField: ""));
            }

            // Whoever could read the mailbox owns the account: a lockout from someone guessing ends here.
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            return Unit.Value;
        }
    }
}
