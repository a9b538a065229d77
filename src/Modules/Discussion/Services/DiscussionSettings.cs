using System.ComponentModel.DataAnnotations;

namespace CitizenParticipation.Modules.Discussion.Services;

/// <summary>The discussion settings: one document, "Discussion" (see <see cref="Core.Settings.ISettings{T}"/>).</summary>
public sealed record DiscussionSettings
{
    [Range(1, 1000, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "Reports that hide a comment until a moderator looks")]
    public int ReportsToHide { get; init; } = 3;

    [Range(5, 100, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "First-level comments per page")]
    public int CommentsPerPage { get; init; } = 20;
}
