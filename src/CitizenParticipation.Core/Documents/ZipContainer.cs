using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CitizenParticipation.Core.Documents;

/// <summary>The names and the <c>mimetype</c> text that tell OOXML and HWPX containers apart.</summary>
internal sealed record ZipSummary(string? Mimetype, bool ContentTypes, bool WordDocument, bool Workbook, bool Presentation, bool HwpContents);

/// <summary>
/// Reads a zip container (OOXML, HWPX) from the upload's bytes without trusting what it declares. The central
/// directory's sizes are checked before anything is inflated; then every part is inflated through one small buffer
/// and counted, and refused as soon as it passes the size it declares, because readers that trust the declared
/// sizes are the ones a bomb fools. Memory stays fixed whatever the archive holds, and time is bounded by the
/// declared total, which is itself bounded.
/// </summary>
internal static class ZipContainer
{
    /// <summary>Documents hold tens to a few thousand parts; a large directory only costs time to list.</summary>
    public const int MaxParts = 10_000;

    /// <summary>
    /// Ordinary parts unpack a few to about 30 times their size (measured on LibreOffice's files: a 200,000-row xlsx
    /// 10:1, one of identical rows 23:1, a 16 MB docx 23:1, a 200-slide pptx's content types 32:1); bombs about 1,000 times.
    /// </summary>
    public const int MaxRatio = 100;

    /// <summary>How many times the upload limit the whole may unpack to: ordinary files unpack 5 to 23 times overall, so one at the limit still passes.</summary>
    public const int MaxExpansion = 25;

    /// <summary>Up to this size any ratio passes: 20,000 empty paragraphs (3.7 MB) compress 237:1 and harm no one.</summary>
    private const long RatioAllowance = 10L * 1024 * 1024;

    private const int MimetypeBytes = 64;

    private readonly record struct Part(int Start, long Compressed, long Uncompressed, bool Deflated, bool IsMimetype);

    /// <returns>null when the bytes are no zip archive this reader takes (damaged, encrypted, split, another compression method).</returns>
    /// <exception cref="DocumentRefusedException">The archive unpacks, or says it does, to far more than a document.</exception>
    public static ZipSummary? Read(byte[] data, string name, long maxExpandedBytes)
    {
        var span = data.AsSpan();
        var end = EndOfCentralDirectory(span);
        if (end < 0)
        {
            return null;
        }

        int count = U16(span, end + 10);
        long directoryStart = U32(span, end + 16), directoryEnd = directoryStart + U32(span, end + 12);
        if (U16(span, end + 4) != 0 || U16(span, end + 6) != 0 || U16(span, end + 8) != count || directoryEnd > end)
        {
            return null;
        }

        if (count > MaxParts)
        {
            throw new DocumentRefusedException("The file {0} holds more than {1:N0} parts; no document needs that many.", name, MaxParts);
        }

        var parts = new Part[count];
        bool contentTypes = false, wordDocument = false, workbook = false, presentation = false, hwpContents = false;
        long total = 0;
        var position = (int)directoryStart;
        for (var i = 0; i < count; i++)
        {
            if (position + 46 > directoryEnd || U32(span, position) != 0x02014b50)
            {
                return null;
            }

            int flags = U16(span, position + 8), method = U16(span, position + 10), nameLength = U16(span, position + 28);
            long compressed = U32(span, position + 20), uncompressed = U32(span, position + 24), local = U32(span, position + 42);
            var next = position + 46L + nameLength + U16(span, position + 30) + U16(span, position + 32);
            if (next > directoryEnd || (flags & 1) != 0 || method is not (0 or 8) || local + 30 > directoryStart || U32(span, (int)local) != 0x04034b50)
            {
                return null;
            }

            var entryName = span.Slice(position + 46, nameLength);
            int localAt = (int)local, localFlags = U16(span, localAt + 6), localNameLength = U16(span, localAt + 26);
            var start = local + 30 + localNameLength + U16(span, localAt + 28);
            if (start + compressed > directoryStart || U16(span, localAt + 8) != method || !span.Slice(localAt + 30, localNameLength).SequenceEqual(entryName))
            {
                return null;
            }

            // Without a data descriptor (flag 3) the local header repeats the sizes; readers that stream use those.
            if ((localFlags & 8) == 0 && (U32(span, localAt + 18) != compressed || U32(span, localAt + 22) != uncompressed))
            {
                throw SizesDoNotMatch(name);
            }

            total += uncompressed;
            if (total > maxExpandedBytes)
            {
                throw new DocumentRefusedException("The file {0} unpacks to more than {1} MB, more than any document needs.", name, Math.Round(maxExpandedBytes / 1048576.0));
            }

            if (uncompressed > RatioAllowance && uncompressed > compressed * MaxRatio)
            {
                throw TooCompressed(name);
            }

            parts[i] = new Part((int)start, compressed, uncompressed, method == 8, entryName.SequenceEqual("mimetype"u8));
            contentTypes |= entryName.SequenceEqual("[Content_Types].xml"u8);
            wordDocument |= entryName.SequenceEqual("word/document.xml"u8);
            workbook |= entryName.SequenceEqual("xl/workbook.xml"u8);
            presentation |= entryName.SequenceEqual("ppt/presentation.xml"u8);
            hwpContents |= entryName.StartsWith("Contents/"u8);
            position = (int)next;
        }

        if (position != directoryEnd)
        {
            return null;
        }

        if (total > RatioAllowance && total > (long)data.Length * MaxRatio)
        {
            throw TooCompressed(name);
        }

        var buffer = new byte[16384];
        var head = new byte[MimetypeBytes];
        string? mimetype = null;
        foreach (var part in parts)
        {
            var headLength = CountUnpacked(data, part, buffer, head, name);
            if (headLength < 0)
            {
                return null;
            }

            if (part.IsMimetype && part.Uncompressed <= MimetypeBytes)
            {
                mimetype = Encoding.ASCII.GetString(head, 0, headLength);
            }
        }

        return new ZipSummary(mimetype, contentTypes, wordDocument, workbook, presentation, hwpContents);
    }

    /// <summary>Inflates one part through <paramref name="buffer"/>, keeping its first bytes in <paramref name="head"/>.</summary>
    /// <returns>How many bytes of <paramref name="head"/> were filled, or -1 when the compressed data is damaged.</returns>
    private static int CountUnpacked(byte[] data, Part part, byte[] buffer, byte[] head, string name)
    {
        if (!part.Deflated)
        {
            if (part.Compressed != part.Uncompressed)
            {
                throw SizesDoNotMatch(name);
            }

            var stored = (int)Math.Min(head.Length, part.Compressed);
            data.AsSpan(part.Start, stored).CopyTo(head);
            return stored;
        }

        using var inflater = new DeflateStream(new MemoryStream(data, part.Start, (int)part.Compressed, writable: false), CompressionMode.Decompress);
        long unpacked = 0;
        var headLength = 0;
        try
        {
            int read;
            while ((read = inflater.Read(buffer)) > 0)
            {
                var kept = Math.Min(read, head.Length - headLength);
                buffer.AsSpan(0, kept).CopyTo(head.AsSpan(headLength));
                headLength += kept;
                unpacked += read;
                if (unpacked > part.Uncompressed)
                {
                    throw SizesDoNotMatch(name);
                }
            }
        }
        catch (InvalidDataException)
        {
            return -1;
        }

        return unpacked == part.Uncompressed ? headLength : throw SizesDoNotMatch(name);
    }

    private static DocumentRefusedException TooCompressed(string name) =>
        new("The file {0} is compressed more than {1} to 1, which documents never are.", name, MaxRatio);

    private static DocumentRefusedException SizesDoNotMatch(string name) =>
        new("The file {0} is damaged or forged: a part unpacks to another size than the one it declares.", name);

    /// <summary>The end-of-central-directory record: the last one whose comment reaches exactly to the end of the file.</summary>
    private static int EndOfCentralDirectory(ReadOnlySpan<byte> span)
    {
        for (var at = span.Length - 22; at >= 0 && at >= span.Length - 22 - ushort.MaxValue; at--)
        {
            if (U32(span, at) == 0x06054b50 && at + 22 + U16(span, at + 20) == span.Length)
            {
                return at;
            }
        }

        return -1;
    }

    private static ushort U16(ReadOnlySpan<byte> span, int at) => BinaryPrimitives.ReadUInt16LittleEndian(span[at..]);

    private static uint U32(ReadOnlySpan<byte> span, int at) => BinaryPrimitives.ReadUInt32LittleEndian(span[at..]);
}
