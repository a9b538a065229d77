using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Users.Services;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace CitizenParticipation.Modules.Users.Features;

public static class ForgotPassword
{
    /// <summary>Emails a reset link when the address belongs to a confirmed account; the answer is the same either way.</summary>
    public sealed class Command : ICommand<Unit>
    {
        [Required(ErrorMessage = "The {0} field is required.")]
        [EmailAddress(ErrorMessage = "The {0} field is not a valid e-mail address.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";
    }

    public sealed class Handler(UserManager<User> users, AccountEmails emails, SiteDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(request.Email.Trim());
            if (user is { EmailConfirmed: true, DeletedAt: null })
            {
                await emails.EnqueuePasswordResetAsync(user, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            return Unit.Value;
        }
    }
}
