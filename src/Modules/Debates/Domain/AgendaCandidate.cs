namespace CitizenParticipation.Modules.Debates.Domain;

/// <summary>Where an agenda candidate came from.</summary>
public enum AgendaSource
{
    Petition = 0,
    Mayor = 1,
    Committee = 2,
    Citizen = 3,
}

public enum AgendaState
{
    /// <summary>A citizen's suggestion gathering supports.</summary>
    CollectingSupports = 0,
    BeforeCommittee = 1,
    Accepted = 2,
    Declined = 3,
}

/// <summary>A debate's rules were broken by a request; the message is an English source text for the localizer.</summary>
public sealed class DebateRuleException(string message) : Exception(message);

/// <summary>
/// A subject proposed for a Talk-Talk debate. Petitions past the agenda threshold, the mayor's requests and committee
/// members' proposals go straight before the committee; a citizen's suggestion first needs its supports within its
/// support period (Democracy Seoul's rule). The committee accepts it (a debate is prepared) or declines it with a
/// public reason.
/// </summary>
public sealed class AgendaCandidate
{
    public const int MaxDeclineReason = 2000;

    private AgendaCandidate() { }

    private AgendaCandidate(AgendaSource source, string title, string description, string? originId, string? link, Guid? proposedById, string proposedByName, DateTime now)
    {
        Source = source;
        Title = title.Trim();
        Description = description.Trim();
        OriginId = originId;
        Link = link;
        ProposedById = proposedById;
        ProposedByName = proposedByName;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public AgendaSource Source { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    /// <summary>The petition's id, for candidates from petitions: a petition becomes a candidate once (unique index).</summary>
    public string? OriginId { get; private set; }
    public string? Link { get; private set; }
    public Guid? ProposedById { get; private set; }
    public string ProposedByName { get; private set; } = "";
    public AgendaState State { get; private set; }
    public int Supports { get; private set; }
    /// <summary>A citizen's suggestion takes supports until then.</summary>
    public DateTime? SupportsUntil { get; private set; }
    public int SupportsNeeded { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? BeforeCommitteeAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedByName { get; private set; }
    public string? DeclineReason { get; private set; }
    public int? DebateId { get; private set; }

    public static AgendaCandidate FromPetition(string petitionId, string title, string summary, string link, DateTime now) =>
        new(AgendaSource.Petition, title, summary, petitionId, link, null, "", now) { State = AgendaState.BeforeCommittee, BeforeCommitteeAt = now };

    /// <summary>A staff member's request on behalf of the mayor, or a committee member's own proposal.</summary>
    public static AgendaCandidate FromCity(AgendaSource source, string title, string description, Guid proposedById, string proposedByName, DateTime now)
    {
        if (source is not (AgendaSource.Mayor or AgendaSource.Committee))
        {
            throw new ArgumentOutOfRangeException(nameof(source), source, "Only the mayor's office and the committee propose directly.");
        }

        return new AgendaCandidate(source, title, description, null, null, proposedById, proposedByName, now) { State = AgendaState.BeforeCommittee, BeforeCommitteeAt = now };
    }

    public static AgendaCandidate FromCitizen(string title, string description, Guid citizenId, string citizenName, int supportsNeeded, int supportDays, DateTime now) =>
        new(AgendaSource.Citizen, title, description, null, null, citizenId, citizenName, now)
        {
            State = AgendaState.CollectingSupports,
            SupportsNeeded = Math.Max(1, supportsNeeded),
            SupportsUntil = now.AddDays(supportDays),
        };

    public bool TakesSupports(DateTime now) => State == AgendaState.CollectingSupports && now < SupportsUntil;

    /// <summary>A citizen's suggestion whose support period ended short of its supports.</summary>
    public bool Lapsed(DateTime now) => State == AgendaState.CollectingSupports && now >= SupportsUntil;

    /// <summary>Whether this many supports put the suggestion before the committee.</summary>
    public bool ReachesCommittee(int supports) => State == AgendaState.CollectingSupports && supports >= SupportsNeeded;

    public void Accept(int debateId, string committeeMemberName, DateTime now)
    {
        if (State != AgendaState.BeforeCommittee)
        {
            throw new DebateRuleException("Only a candidate before the committee can be accepted.");
        }

        State = AgendaState.Accepted;
        DebateId = debateId;
        DecidedAt = now;
        DecidedByName = committeeMemberName;
    }

    public void Decline(string reason, string committeeMemberName, DateTime now)
    {
        if (State != AgendaState.BeforeCommittee)
        {
            throw new DebateRuleException("Only a candidate before the committee can be declined.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DebateRuleException("Give the reason for declining: it is shown publicly.");
        }

        State = AgendaState.Declined;
        DeclineReason = reason.Trim();
        DecidedAt = now;
        DecidedByName = committeeMemberName;
    }
}

/// <summary>One person's support of a citizen's agenda suggestion; one per person and suggestion (unique index).</summary>
public sealed class AgendaSupport
{
    private AgendaSupport() { }

    public AgendaSupport(int candidateId, Guid userId, DateTime now)
    {
        CandidateId = candidateId;
        UserId = userId;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public int CandidateId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
