using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Modules.Registry.Domain;

namespace CitizenParticipation.Modules.Registry;

/// <summary>English source texts of the registry's enumerations, to localise.</summary>
public static class Labels
{
    public static string Kind(PolicyTaskKind kind) => kind switch
    {
        PolicyTaskKind.Pledge => "Pledge",
        PolicyTaskKind.KeyPolicy => "Key policy",
        PolicyTaskKind.Directive => "Directive",
        _ => "Citizen participation",
    };

    public static string Status(PolicyTaskStatus status) => status switch
    {
        PolicyTaskStatus.Planned => "Planned",
        PolicyTaskStatus.InProgress => "In progress",
        PolicyTaskStatus.Delayed => "Delayed",
        PolicyTaskStatus.Completed => "Completed",
        _ => "Cancelled",
    };

    public static string Activity(ActivityKind kind) => kind switch
    {
        ActivityKind.Report => "Report",
        ActivityKind.Meeting => "Meeting",
        ActivityKind.Consultation => "Consultation",
        ActivityKind.FieldVisit => "Field visit",
        ActivityKind.ProgressUpdate => "Progress update",
        _ => "Citizen outcome",
    };

    public static string Origin(OutcomeOrigin origin) => origin switch
    {
        OutcomeOrigin.Petition => "Petition",
        OutcomeOrigin.Debate => "Debate",
        OutcomeOrigin.Proposal => "Proposal",
        _ => "Budget project",
    };

    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1048576 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1048576.0:0.#} MB",
    };
}
