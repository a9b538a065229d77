using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Registry.Domain;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Registry.Features;

internal static class RuleGuard
{
    /// <summary>Turns a broken domain rule into a message for the form, in the user's language.</summary>
    public static void Run(IStringLocalizer t, Action action)
    {
        try
        {
            action();
        }
        catch (RegistryRuleException ex)
        {
            throw new RequestValidationException("", t[ex.Message]);
        }
    }
}
