using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CitizenParticipation.Core.Csv;

/// <summary>A CSV download written straight to the response while it is produced, not built in memory first.</summary>
public sealed class CsvFileResult(string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
