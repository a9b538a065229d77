using CitizenParticipation.Core.Mediation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CitizenParticipation.Modules.Admin.Controllers;

internal static class ModelStateExtensions
{
    public static void AddFailures(this ModelStateDictionary modelState, RequestValidationException exception)
    {
        foreach (var failure in exception.Failures)
        {
            modelState.AddModelError(failure.Field, failure.Message);
        }
    }
}
