using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Debates.Domain;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Services;

public static class DebateRules
{
    /// <summary>Turns a broken domain rule into a message for the form, in the user's language.</summary>
    public static T Run<T>(IStringLocalizer t, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DebateRuleException ex)
        {
            throw new RequestValidationException("", t[ex.Message]);
        }
    }
}
