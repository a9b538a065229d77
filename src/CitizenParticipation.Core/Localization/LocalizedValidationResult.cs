using System.ComponentModel.DataAnnotations;

namespace CitizenParticipation.Core.Localization;

/// <summary>A validation failure whose message is already in the user's language, so it is not looked up again.</summary>
public sealed class LocalizedValidationResult(string message, IEnumerable<string> memberNames) : ValidationResult(message, memberNames);
