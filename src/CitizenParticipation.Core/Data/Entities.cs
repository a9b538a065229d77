using Microsoft.AspNetCore.Identity;

namespace CitizenParticipation.Core.Data;

public enum VerificationLevel
{
    None = 0,
    EmailConfirmed = 1,
    ResidentVerified = 2,
}

public sealed class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public int? RegionId { get; set; }
    public Region? Region { get; set; }
    public bool ConfirmedAge14OrOver { get; set; }
    public bool ResidentVerified { get; set; }
    public DateTime? ResidentVerifiedAt { get; set; }
    public string PreferredCulture { get; set; } = "ko";
    public DateTime CreatedAt { get; set; }
    /// <summary>Set when the owner deleted the account: personal data is gone, contributions stay under an anonymised name.</summary>
    public DateTime? DeletedAt { get; set; }

    public VerificationLevel VerificationLevel => LevelOf(ResidentVerified, EmailConfirmed);

    /// <summary>The level, for readers that project only these two columns instead of loading the user.</summary>
    public static VerificationLevel LevelOf(bool residentVerified, bool emailConfirmed) =>
        residentVerified ? VerificationLevel.ResidentVerified
        : emailConfirmed ? VerificationLevel.EmailConfirmed
        : VerificationLevel.None;
}

public sealed class Role : IdentityRole<Guid>
{
    public Role() { }
    public Role(string name) : base(name) { }
}

public sealed class RolePermission
{
    public Guid RoleId { get; set; }
    public Role? Role { get; set; }
    public string Permission { get; set; } = "";
}

public enum RegionKind { City = 0, District = 1 }

/// <summary>A district (구/군) or the whole city; reference data shared by every module.</summary>
public sealed class Region
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string NameKo { get; set; } = "";
    public string NameEn { get; set; } = "";
    public RegionKind Kind { get; set; }
    public int SortOrder { get; set; }
}

public sealed class PolicyField
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string NameKo { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
}

public sealed class Department
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string NameKo { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
}

public sealed class SiteSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

public enum OutboxStatus { Pending = 0, Sent = 1, Failed = 2 }

public sealed class OutboxMessage
{
    public long Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    public string Culture { get; set; } = "ko";
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>An instance that is sending this message holds it until then; others leave it alone.</summary>
    public DateTime? LockedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}
