using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Services;

/// <summary>Identity's messages in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<LocalizedIdentityErrorDescriber> t) : IdentityErrorDescriber
{
    public const string PasswordRequiresLetterCode = "PasswordRequiresLetter";

    private static IdentityError Error(string code, LocalizedString description) => new() { Code = code, Description = description.Value };

    public IdentityError PasswordRequiresLetter() =>
        Error(PasswordRequiresLetterCode, t["Passwords must contain at least one letter."]);

    public override IdentityError DefaultError() => Error(nameof(DefaultError), t["Something went wrong. Please try again."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), t["Someone else changed this account at the same time. Please try again."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), t["The password is not correct."]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), t["The link is invalid or has expired."]);
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), t["The recovery code is not valid."]);
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), t["This login is already linked to another account."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), t["The user name '{0}' is not valid.", userName ?? ""]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), t["'{0}' is not a valid email address.", email ?? ""]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), t["This email address is already registered."]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), t["This email address is already registered."]);
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), t["The role name '{0}' is not valid.", role ?? ""]);
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), t["The role '{0}' already exists.", role]);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), t["This account already has a password."]);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), t["Lockout is not enabled for this account."]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), t["The user already has the role '{0}'.", role]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), t["The user does not have the role '{0}'.", role]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), t["Passwords must be at least {0} characters long.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), t["Passwords must use at least {0} different characters.", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), t["Passwords must contain at least one symbol."]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), t["Passwords must contain at least one digit."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), t["Passwords must contain at least one lowercase letter."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), t["Passwords must contain at least one uppercase letter."]);
}

/// <summary>Identity can demand a digit but not "some letter, any case"; this adds the letter.</summary>
public sealed class LetterPasswordValidator(IdentityErrorDescriber describer) : IPasswordValidator<CitizenParticipation.Core.Data.User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<CitizenParticipation.Core.Data.User> manager, CitizenParticipation.Core.Data.User user, string? password) =>
        Task.FromResult(password is not null && password.Any(char.IsLetter)
            ? IdentityResult.Success
            : IdentityResult.Failed(describer is LocalizedIdentityErrorDescriber localized
                ? localized.PasswordRequiresLetter()
                : new IdentityError { Code = LocalizedIdentityErrorDescriber.PasswordRequiresLetterCode, Description = "Passwords must contain at least one letter." }));
}
