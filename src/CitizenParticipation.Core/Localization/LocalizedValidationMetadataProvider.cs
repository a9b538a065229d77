using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CitizenParticipation.Core.Localization;

/// <summary>
/// MVC localises a validation attribute's message only when the attribute names one. The required
/// check that MVC adds by itself to non-nullable values (and a bare <c>[Required]</c>) names none, so
/// this gives them the English template that ko.json translates.
/// </summary>
public sealed class LocalizedValidationMetadataProvider : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
        {
            if (string.IsNullOrEmpty(attribute.ErrorMessage) && attribute.ErrorMessageResourceType is null)
            {
                attribute.ErrorMessage = "The {0} field is required.";
            }
        }
    }
}
