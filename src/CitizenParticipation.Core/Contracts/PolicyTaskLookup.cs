using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Core.Contracts;

/// <summary>
/// A policy task as a participation module shows it when staff pick the task an outcome belongs to.
/// </summary>
/// <param name="Kind">English source text of the task's kind (e.g. <c>Pledge</c>), to localise where it is shown.</param>
/// <param name="Field">The policy field's name in the current culture, if the task has one.</param>
/// <param name="Progress">Percent, 0 to 100.</param>
/// <param name="IsPublic">False for an internal task that citizens do not see.</param>
public sealed record PolicyTaskRef(int Id, string Title, string Kind, string? Field, int Progress, bool IsPublic);

/// <summary>
/// Asks the policy task registry for tasks: by <paramref name="Id"/> (at most one), else those whose title
/// contains <paramref name="Search"/> (or whose number it is), most recently updated first, at most
/// <paramref name="Max"/>. The registry module handles it; a site without the registry has no handler
/// (see <see cref="PolicyTaskLookup.IsAvailable"/>).
/// </summary>
public sealed record FindPolicyTasks(string? Search, int? Id, int Max = 20) : IRequest<IReadOnlyList<PolicyTaskRef>>;

public static class PolicyTaskLookup
{
    /// <summary>Whether a module answers <see cref="FindPolicyTasks"/>; callers fall back to a bare task number when none does.</summary>
    public static bool IsAvailable(IServiceProvider services) =>
        services.GetService<IRequestHandler<FindPolicyTasks, IReadOnlyList<PolicyTaskRef>>>() is not null;
}
