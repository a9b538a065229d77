using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Documents;
using CitizenParticipation.Core.Markdown;

namespace CitizenParticipation.Modules.Registry.Domain;

public enum ActivityKind
{
    Report = 0,
    Meeting = 1,
    Consultation = 2,
    FieldVisit = 3,
    ProgressUpdate = 4,
    CitizenOutcome = 5,
}

public sealed record NewActivity(
    ActivityKind Kind,
    DateOnly OccurredOn,
    Guid? AuthorId,
    string? AuthorName,
    string Text,
    bool IsPublic = true,
    int? Corrects = null,
    int? ProgressAfter = null,
    PolicyTaskStatus? StatusAfter = null);

/// <summary>One entry of a task's timeline. It never changes once written.</summary>
public sealed class TaskActivity
{
    private readonly List<TaskDocument> _documents = [];

    private TaskActivity() { }

    internal TaskActivity(PolicyTask task, NewActivity entry, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(entry.Text) || entry.Text.Length > 20000)
        {
            throw new RegistryRuleException("An entry needs a text of at most 20000 characters.");
        }

        if (MarkdownLimits.Refusal(entry.Text) is { } refusal)
        {
            throw new RegistryRuleException(refusal);
        }

        Task = task;
        Kind = entry.Kind;
        OccurredOn = entry.OccurredOn;
        AuthorId = entry.AuthorId;
        AuthorName = entry.AuthorName?.Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, 100)] : null;
        Text = entry.Text.Trim();
        IsPublic = entry.IsPublic;
        CorrectsId = entry.Corrects;
        ProgressAfter = entry.ProgressAfter;
        StatusAfter = entry.StatusAfter;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int TaskId { get; private set; }
    public PolicyTask? Task { get; private set; }
    public ActivityKind Kind { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public Guid? AuthorId { get; private set; }
    /// <summary>Null for entries the system wrote (citizen outcomes).</summary>
    public string? AuthorName { get; private set; }
    public string Text { get; private set; } = "";
    public bool IsPublic { get; private set; }
    /// <summary>The entry this one corrects.</summary>
    public int? CorrectsId { get; private set; }
    public int? ProgressAfter { get; private set; }
    public PolicyTaskStatus? StatusAfter { get; private set; }
    public OutcomeOrigin? OutcomeOrigin { get; private set; }
    public string? OutcomeDecision { get; private set; }
    public string? OutcomeLink { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<TaskDocument> Documents => _documents;

    internal void RecordOutcome(OutcomeOrigin origin, string decision, string link)
    {
        OutcomeOrigin = origin;
        OutcomeDecision = decision;
        OutcomeLink = link;
    }

    /// <summary>Attaches a checked document; only while the entry is being written.</summary>
    public TaskDocument Attach(CheckedDocument document, DateTime now)
    {
        if (Id != 0)
        {
            throw new RegistryRuleException("Documents can only be attached when the entry is written.");
        }

        var attached = new TaskDocument(document, now);
        _documents.Add(attached);
        return attached;
    }
}

/// <summary>Internal comment by staff on a task or one of its entries; never shown publicly.</summary>
public sealed class StaffComment
{
    private StaffComment() { }

    public StaffComment(int taskId, int? activityId, Guid? authorId, string authorName, string text, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 5000)
        {
            throw new RegistryRuleException("A comment needs a text of at most 5000 characters.");
        }

        TaskId = taskId;
        ActivityId = activityId;
        AuthorId = authorId;
        AuthorName = authorName.Length > 100 ? authorName[..100] : authorName;
        Text = text.Trim();
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int TaskId { get; private set; }
    public int? ActivityId { get; private set; }
    public Guid? AuthorId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}

/// <summary>An original document attached to an entry. Its bytes live in <see cref="DocumentContent"/> so that lists never load them.</summary>
public sealed class TaskDocument
{
    private TaskDocument() { }

    internal TaskDocument(CheckedDocument document, DateTime now)
    {
        FileName = document.FileName;
        ContentType = document.ContentType;
        Type = document.Type;
        Length = document.Content.LongLength;
        Sha256 = document.Sha256;
        CreatedAt = now;
        Content = new DocumentContent(document.Content);
    }

    public int Id { get; private set; }
    public int ActivityId { get; private set; }
    public TaskActivity? Activity { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    /// <summary>Detected type: pdf, hwp, hwpx, docx, xlsx, pptx, doc, xls, ppt, png, jpeg, gif, webp.</summary>
    public string Type { get; private set; } = "";
    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DocumentContent? Content { get; private set; }
}

public sealed class DocumentContent
{
    private DocumentContent() { }

    internal DocumentContent(byte[] data) => Data = data;

    public int DocumentId { get; private set; }
    public byte[] Data { get; private set; } = [];
}
