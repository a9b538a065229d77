using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Text;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Features;

public static class UpdateProfile
{
    public sealed class Command : ICommand<Unit>
    {
        [BindNever]
        public Guid UserId { get; set; }

        [Required(ErrorMessage = "The {0} field is required.")]
        [StringLength(20, MinimumLength = 2, ErrorMessage = "The field {0} must be a string with a minimum length of {2} and a maximum length of {1}.")]
        [Display(Name = "Display name")]
        [VisibleName]
        public string DisplayName { get; set; } = "";

        [Display(Name = "District of residence")]
        public int? RegionId { get; set; }

        [Required(ErrorMessage = "The {0} field is required.")]
        [Display(Name = "Preferred language")]
        public string PreferredCulture { get; set; } = SiteCultures.Default;
    }

    public sealed class Validator(SiteDbContext db, IStringLocalizer<Command> t) : IRequestValidator<Command>
    {
        public async Task<IEnumerable<ValidationFailure>> ValidateAsync(Command request, CancellationToken cancellationToken)
        {
            var failures = new List<ValidationFailure>();
            if (!SiteCultures.Supported.Contains(request.PreferredCulture))
            {
                failures.Add(new ValidationFailure(nameof(Command.PreferredCulture), t["Choose a language from the list."]));
            }

            if (request.RegionId is { } regionId && !await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken))
            {
                failures.Add(new ValidationFailure(nameof(Command.RegionId), t["Choose a district from the list."]));
            }

            return failures;
        }
    }

    public sealed class Handler(UserManager<User> users) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.UserId.ToString());
            if (user is null || user.DeletedAt is not null)
            {
                throw new InvalidOperationException("The signed-in user no longer exists.");
            }

            user.DisplayName = request.DisplayName.Trim();
            user.RegionId = request.RegionId;
            user.PreferredCulture = request.PreferredCulture;
            var result = await users.UpdateAsync(user);
            if (!result.Succeeded)
            {
                throw new RequestValidationException(result.Errors.Select(e => new ValidationFailure("", e.Description)).ToList());
            }

            return Unit.Value;
        }
    }
}
