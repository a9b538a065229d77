using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Users.Services;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CitizenParticipation.Modules.Users.Features;

public static class ChangePassword
{
    public sealed class Command : ICommand<Unit>
    {
        [BindNever]
        public Guid UserId { get; set; }

        [Required(ErrorMessage = "The {0} field is required.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "The {0} field is required.")]
        [StringLength(100, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "The {0} field is required.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirm new password")]
        public string ConfirmNewPassword { get; set; } = "";
    }

    public sealed class Handler(UserManager<User> users, SignInManager<User> signIn) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.UserId.ToString())
                       ?? throw new InvalidOperationException("The signed-in user no longer exists.");
            var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
            if (!result.Succeeded)
            {
                throw new RequestValidationException(result.ToFailures(passwordField: nameof(Command.NewPassword), otherField: nameof(Command.CurrentPassword)));
            }

            // The security stamp changed: renew this browser's cookie so only other sessions end.
            await signIn.RefreshSignInAsync(user);
            return Unit.Value;
        }
    }
}
