namespace CitizenParticipation.Core.Email;

/// <summary>Bound from the <c>Mail</c> section. With no SMTP host, mail is written as .eml files to <see cref="PickupDirectory"/>.</summary>
public sealed class MailOptions
{
    public string FromAddress { get; set; } = "no-reply@citizen.example";
    public string FromName { get; set; } = "";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpEnableSsl { get; set; } = true;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
    public int SmtpTimeoutSeconds { get; set; } = 30;
    /// <summary>Empty means <c>{App_Data}/mail</c>.</summary>
    public string? PickupDirectory { get; set; }
    public int PollIntervalSeconds { get; set; } = 2;
    public int MaxAttempts { get; set; } = 8;
}
