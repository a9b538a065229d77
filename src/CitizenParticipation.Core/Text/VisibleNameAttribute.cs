using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using CitizenParticipation.Core.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Core.Text;

/// <summary>
/// Names people choose (display names, an answering official) are shown next to other people's words. Characters
/// that draw nothing or steer the text (a right-to-left override, U+202E, shows the rest of a name backwards; a
/// zero-width space makes two names that look alike differ) would let a name pass for another.
/// </summary>
public static class VisibleName
{
    public const string Message = "A name can only contain visible characters: invisible characters, control characters and characters that change the text direction are not allowed.";

    /// <summary>Whether <paramref name="value"/> holds a control or format character (Cc, Cf, such as U+202E or U+200B), an unassigned or private-use code point, a lone surrogate, a line or paragraph separator, or a Hangul filler.</summary>
    public static bool HasHiddenCharacters(string? value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var length) != System.Buffers.OperationStatus.Done || IsHidden(rune))
            {
                return true;
            }

            rest = rest[length..];
        }

        return false;
    }

    private static bool IsHidden(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        // Hangul fillers are letters to Unicode but draw nothing: a name of fillers looks empty.
        || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0;
}

/// <summary>
/// Refuses a name with characters that draw nothing or change the text direction (<see cref="VisibleName"/>), with a
/// message in the user's language. Checked by MVC when a form is bound and by the validation behaviour for every command.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class VisibleNameAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (!VisibleName.HasHiddenCharacters(value as string))
        {
            return ValidationResult.Success;
        }

        var t = validationContext.GetService<IStringLocalizer<SharedResource>>();
        string[] members = validationContext.MemberName is { } member ? [member] : [];
        return new LocalizedValidationResult(t?[VisibleName.Message].Value ?? VisibleName.Message, members);
    }
}
