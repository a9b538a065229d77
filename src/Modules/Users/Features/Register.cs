using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Text;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Users.Services;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Features;

public static class Register
{
    /// <summary>The registration form; also the command, so the rules live in one place.</summary>
    public sealed class Command : ICommand<Unit>
    {
        [Required(ErrorMessage = "The {0} field is required.")]
        [EmailAddress(ErrorMessage = "The {0} field is not a valid e-mail address.")]
        [StringLength(256, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "The {0} field is required.")]
        [StringLength(20, MinimumLength = 2, ErrorMessage = "The field {0} must be a string with a minimum length of {2} and a maximum length of {1}.")]
        [Display(Name = "Display name")]
        [VisibleName]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "The {0} field is required.")]
        [StringLength(100, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "The {0} field is required.")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirm password")]
        public string ConfirmPassword { get; set; } = "";

        [Display(Name = "District of residence")]
        public int? RegionId { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "This service is for people aged 14 or over. Please confirm your age.")]
        [Display(Name = "I am 14 years of age or older")]
        public bool ConfirmAge14OrOver { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Please agree to the terms of use.")]
        [Display(Name = "I agree to the terms of use and the handling of my personal information")]
        public bool AgreeToTerms { get; set; }
    }

    public sealed class Validator(SiteDbContext db, SiteSettingsService settings, IStringLocalizer<Command> t) : IRequestValidator<Command>
    {
        public async Task<IEnumerable<ValidationFailure>> ValidateAsync(Command request, CancellationToken cancellationToken)
        {
            var failures = new List<ValidationFailure>();
            if (!(await settings.GetAsync(cancellationToken)).RegistrationOpen)
            {
                failures.Add(new ValidationFailure("", t["Registration is closed at the moment."]));
            }

            if (request.RegionId is { } regionId && !await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken))
            {
                failures.Add(new ValidationFailure(nameof(Command.RegionId), t["Choose a district from the list."]));
            }

            return failures;
        }
    }

    /// <summary>
    /// Creates the account and emails its confirmation link. An address that is already registered gets the same
    /// answer on the page (which would otherwise tell anyone whose address is registered); its owner is emailed
    /// instead: a new confirmation link, or a note that they already have an account.
    /// </summary>
    public sealed class Handler(UserManager<User> users, AccountEmails emails, SiteDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            // The password's faults are told before anything depends on whether the address is known.
            var passwordErrors = new List<IdentityError>();
            foreach (var validator in users.PasswordValidators)
            {
                passwordErrors.AddRange((await validator.ValidateAsync(users, new User { Email = request.Email.Trim(), UserName = request.Email.Trim() }, request.Password)).Errors);
            }

            if (passwordErrors.Count > 0)
            {
                throw new RequestValidationException(IdentityResult.Failed([.. passwordErrors]).ToFailures());
            }

            if (await users.FindByEmailAsync(request.Email.Trim()) is { } existing)
            {
                await TellOwnerAsync(existing, cancellationToken);
                return Unit.Value;
            }

            var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var user = new User
            {
                Id = Guid.NewGuid(),
                UserName = request.Email.Trim(),
                Email = request.Email.Trim(),
                DisplayName = request.DisplayName.Trim(),
                RegionId = request.RegionId,
                ConfirmedAge14OrOver = request.ConfirmAge14OrOver,
                PreferredCulture = SiteCultures.Supported.Contains(culture) ? culture : SiteCultures.Default,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };

            var created = await users.CreateAsync(user, request.Password);
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                return Unit.Value; // registered a moment ago by another request, which sent the email
            }

            if (!created.Succeeded)
            {
                throw new RequestValidationException(created.ToFailures());
            }

            var role = await users.AddToRoleAsync(user, StandardRoles.Citizen);
            if (!role.Succeeded)
            {
                throw new InvalidOperationException($"The Citizen role could not be given: {string.Join("; ", role.Errors.Select(e => e.Description))}");
            }

            await emails.EnqueueConfirmationAsync(user, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        private async Task TellOwnerAsync(User owner, CancellationToken cancellationToken)
        {
            if (owner.DeletedAt is not null)
            {
                return;
            }

            if (owner.EmailConfirmed)
            {
                await emails.EnqueueAlreadyRegisteredAsync(owner, cancellationToken);
            }
            else
            {
                await emails.EnqueueConfirmationAsync(owner, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
