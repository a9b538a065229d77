using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using MediatR;

namespace CitizenParticipation.Modules.Admin.Features;

public sealed record GetSiteSettings : IRequest<SiteSettingsValues>;

public sealed class GetSiteSettingsHandler(SiteSettingsService settings) : IRequestHandler<GetSiteSettings, SiteSettingsValues>
{
    public Task<SiteSettingsValues> Handle(GetSiteSettings request, CancellationToken cancellationToken) => settings.GetAsync(cancellationToken);
}

/// <summary>The settings form; it is also the command, so the page and the tests send the same thing.</summary>
public sealed class EditSiteSettings : ICommand<Unit>
{
    [Display(Name = "Site name (Korean)")]
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(100, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    public string? SiteNameKo { get; set; }

    [Display(Name = "Site name (English)")]
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(100, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    public string? SiteNameEn { get; set; }

    [Display(Name = "City name (Korean)")]
    [StringLength(100, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    public string? CityNameKo { get; set; }

    [Display(Name = "City name (English)")]
    [StringLength(100, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    public string? CityNameEn { get; set; }

    [Display(Name = "Contact email")]
    [EmailAddress(ErrorMessage = "The {0} field is not a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Contact phone")]
    [RegularExpression(@"^[0-9+()\- ]{0,30}$", ErrorMessage = "Enter a phone number with digits, spaces, hyphens or a leading +.")]
    public string? ContactPhone { get; set; }

    [Display(Name = "Anyone may register an account")]
    public bool RegistrationOpen { get; set; }

    public static EditSiteSettings From(SiteSettingsValues values) => new()
    {
        SiteNameKo = values.SiteNameKo,
        SiteNameEn = values.SiteNameEn,
        CityNameKo = values.CityNameKo,
        CityNameEn = values.CityNameEn,
        ContactEmail = values.ContactEmail,
        ContactPhone = values.ContactPhone,
        RegistrationOpen = values.RegistrationOpen,
    };
}

public sealed class EditSiteSettingsHandler(SiteDbContext db, SiteSettingsService settings) : IRequestHandler<EditSiteSettings, Unit>
{
    public async Task<Unit> Handle(EditSiteSettings request, CancellationToken cancellationToken)
    {
        await settings.SetAsync(SiteSettingsService.SiteNameKo, request.SiteNameKo!.Trim(), cancellationToken);
        await settings.SetAsync(SiteSettingsService.SiteNameEn, request.SiteNameEn!.Trim(), cancellationToken);
        await settings.SetAsync(SiteSettingsService.CityNameKo, request.CityNameKo?.Trim() ?? "", cancellationToken);
        await settings.SetAsync(SiteSettingsService.CityNameEn, request.CityNameEn?.Trim() ?? "", cancellationToken);
        await settings.SetAsync(SiteSettingsService.ContactEmail, request.ContactEmail?.Trim() ?? "", cancellationToken);
        await settings.SetAsync(SiteSettingsService.ContactPhone, request.ContactPhone?.Trim() ?? "", cancellationToken);
        await settings.SetAsync(SiteSettingsService.RegistrationOpen, request.RegistrationOpen ? "true" : "false", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
