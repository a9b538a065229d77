using System.Security.Cryptography;
using System.Text;

namespace CitizenParticipation.Core.Documents;

/// <summary>A file whose type was detected from its content; produced only by <see cref="DocumentInspector"/>.</summary>
public sealed record CheckedDocument(string FileName, string ContentType, string Type, byte[] Content, string Sha256);

/// <summary>Why a document was refused: an English source text with {0} placeholders and its arguments.</summary>
public sealed class DocumentRefusedException(string message, params object[] arguments) : Exception(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, arguments))
{
    public string Template { get; } = message;
    public object[] Arguments { get; } = arguments;
}

/// <summary>
/// Decides what a file really is from its bytes (never from its name alone) and refuses files whose
/// name claims another type, unknown types, files over the size limit and archives that unpack to far more than
/// any document (see <see cref="ZipContainer"/>). Each module that takes attachments makes one with its own limit.
/// </summary>
public sealed class DocumentInspector(long maxBytes)
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, string[] Extensions)> Types = new()
    {
        ["pdf"] = ("application/pdf", [".pdf"]),
        ["hwp"] = ("application/x-hwp", [".hwp"]),
        ["hwpx"] = ("application/hwp+zip", [".hwpx"]),
        ["docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]),
        ["xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]),
        ["pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]),
        ["doc"] = ("application/msword", [".doc"]),
        ["xls"] = ("application/vnd.ms-excel", [".xls"]),
        ["ppt"] = ("application/vnd.ms-powerpoint", [".ppt"]),
        ["png"] = ("image/png", [".png"]),
        ["jpeg"] = ("image/jpeg", [".jpg", ".jpeg"]),
        ["gif"] = ("image/gif", [".gif"]),
        ["webp"] = ("image/webp", [".webp"]),
    };

    public const string AcceptAttribute = ".pdf,.hwp,.hwpx,.docx,.xlsx,.pptx,.doc,.xls,.ppt,.png,.jpg,.jpeg,.gif,.webp";

    public long MaxBytes => maxBytes;

    public static string ContentTypeOf(string type) => Types.TryGetValue(type, out var t) ? t.ContentType : "application/octet-stream";

    /// <summary>Refuses an empty or oversized file from its length alone, so that callers need not read it.</summary>
    public void CheckLength(string? fileName, long length)
    {
        if (length == 0)
        {
            throw new DocumentRefusedException("The file {0} is empty.", CleanFileName(fileName));
        }

        if (length > MaxBytes)
        {
            throw new DocumentRefusedException("The file {0} is larger than the limit of {1} MB.", CleanFileName(fileName), Math.Round(MaxBytes / 1048576.0, 1));
        }
    }

    public CheckedDocument Inspect(string? fileName, byte[] content)
    {
        CheckLength(fileName, content.LongLength);
        var name = CleanFileName(fileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!Types.Values.Any(t => t.Extensions.Contains(extension)))
        {
            throw new DocumentRefusedException("The file {0} is not an accepted type: PDF, HWP, HWPX, Office documents and images (PNG, JPEG, GIF, WEBP).", name);
        }

        var detected = Detect(content, name, extension, MaxBytes * ZipContainer.MaxExpansion);
        if (detected is null || !Types.TryGetValue(detected, out var type) || !type.Extensions.Contains(extension))
        {
            throw new DocumentRefusedException("The content of {0} does not match its file type {1}; the file may be damaged or renamed.", name, extension.TrimStart('.').ToUpperInvariant());
        }

        return new CheckedDocument(name, type.ContentType, detected, content, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>The type the bytes show; the extension only picks between formats that share a container (OLE).</summary>
    private static string? Detect(byte[] data, string name, string extension, long maxExpandedBytes)
    {
        var span = data.AsSpan();
        if (span.StartsWith("%PDF-"u8))
        {
            return "pdf";
        }

        if (span.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "png";
        }

        if (span.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return "jpeg";
        }

        if (span.StartsWith("GIF87a"u8) || span.StartsWith("GIF89a"u8))
        {
            return "gif";
        }

        if (span.Length >= 12 && span.StartsWith("RIFF"u8) && span[8..12].SequenceEqual("WEBP"u8))
        {
            return "webp";
        }

        if (span.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            return DetectCompoundFile(span, extension);
        }

        if (span.StartsWith("PK\u0003\u0004"u8))
        {
            return DetectZip(ZipContainer.Read(data, name, maxExpandedBytes));
        }

        return null;
    }

    private static string? DetectCompoundFile(ReadOnlySpan<byte> span, string extension)
    {
        // The directory of an OLE compound file names its streams in UTF-16; each format has its own.
        static bool HasStream(ReadOnlySpan<byte> data, string name) => data.IndexOf(Encoding.Unicode.GetBytes(name)) >= 0;
        return extension switch
        {
            ".hwp" when HasStream(span, "FileHeader") && span.IndexOf("HWP Document File"u8) >= 0 => "hwp",
            ".doc" when HasStream(span, "WordDocument") => "doc",
            ".xls" when HasStream(span, "Workbook") || HasStream(span, "Book") => "xls",
            ".ppt" when HasStream(span, "PowerPoint Document") => "ppt",
            _ => "ole",
        };
    }

    private static string? DetectZip(ZipSummary? zip) => zip switch
    {
        null => null,
        { Mimetype: { } mimetype, HwpContents: true } when mimetype.Trim() == "application/hwp+zip" => "hwpx",
        { ContentTypes: false } => null,
        { WordDocument: true } => "docx",
        { Workbook: true } => "xlsx",
        { Presentation: true } => "pptx",
        _ => null,
    };

    /// <summary>The file's own name without any path a browser sent, limited in length.</summary>
    public static string CleanFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not '"' and not '/' and not ':').ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "document";
        }

        if (name.Length > 200)
        {
            var ext = Path.GetExtension(name);
            name = name[..(200 - ext.Length)] + ext;
        }

        return name;
    }
}
