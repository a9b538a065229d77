using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CitizenParticipation.Modules.Admin.Features;

/// <summary>
/// The settings form; it is also the command, so the page and the tests send the same thing. Its names and rules are
/// the settings document's (<see cref="SiteSettingsValues"/>), which checks them again when it is saved.
/// </summary>
[ModelMetadataType(typeof(SiteSettingsValues))]
public sealed class EditSiteSettings : ICommand<Unit>
{
    public string? SiteNameKo { get; set; }
    public string? SiteNameEn { get; set; }
    public string? CityNameKo { get; set; }
    public string? CityNameEn { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
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

public sealed class EditSiteSettingsHandler(SiteSettingsService store) : IRequestHandler<EditSiteSettings, Unit>
{
    public async Task<Unit> Handle(EditSiteSettings request, CancellationToken cancellationToken)
    {
        await store.SaveAsync(new SiteSettingsValues
        {
            SiteNameKo = request.SiteNameKo?.Trim() ?? "",
            SiteNameEn = request.SiteNameEn?.Trim() ?? "",
            CityNameKo = request.CityNameKo?.Trim() ?? "",
            CityNameEn = request.CityNameEn?.Trim() ?? "",
            ContactEmail = request.ContactEmail?.Trim() ?? "",
            ContactPhone = request.ContactPhone?.Trim() ?? "",
            RegistrationOpen = request.RegistrationOpen,
        }, cancellationToken);
        return Unit.Value;
    }
}
