namespace CitizenParticipation.Modules.Discussion.Domain;

public enum DiscussionRule
{
    TooDeep,
    ParentElsewhere,
    NoStanceHere,
    NotAuthor,
    EditWindowPassed,
}

/// <summary>A move the domain refuses; handlers turn it into the user's message (<see cref="Labels.Rule"/>).</summary>
public sealed class DiscussionRuleException(DiscussionRule rule) : Exception(rule.ToString())
{
    public DiscussionRule Rule { get; } = rule;
}
