using CitizenParticipation.Core.Csv;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Discussion.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>The whole moderation audit log as CSV, oldest first, written to <see cref="Destination"/> as it is read.</summary>
public sealed record ExportModerationLog(Stream Destination) : IRequest<Unit>;

public sealed class ExportModerationLogHandler(SiteDbContext db, IStringLocalizer<ExportModerationLog> t) : IRequestHandler<ExportModerationLog, Unit>
{
    public static readonly string[] Columns = ["When", "Action", "Moderator", "Reason", "Thread", "Comment number", "Person"];

    public async Task<Unit> Handle(ExportModerationLog request, CancellationToken cancellationToken)
    {
        await using var csv = SpreadsheetCsvWriter.Create(request.Destination, Columns.Select(c => t[c].Value).ToList());
        await foreach (var e in db.Set<ModerationEntry>().AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.Time(e.At).Text(t[Labels.Action(e.Action)]).Text(e.ActorName).Text(e.Reason).Text(e.Kind is null ? null : $"{e.Kind}/{e.ItemId}")
                .Number(e.CommentId).Text(e.PersonId?.ToString());
            await csv.EndRowAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
