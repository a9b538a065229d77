using System.IO.Compression;
using System.Text;

namespace CitizenParticipation.Tests.Integration.Documents;

/// <summary>Zip containers (OOXML, HWPX) built in memory: ordinary ones and bombs, written through streams in chunks.</summary>
public static class TestZips
{
    public const long Bomb = 300L * 1024 * 1024;

    public static byte[] Build(params (string Name, Action<Stream> Write)[] entries)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, write) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                write(stream);
            }
        }

        return zip.ToArray();
    }

    public static Action<Stream> Text(string text) => stream => stream.Write(Encoding.UTF8.GetBytes(text));

    /// <summary>The same byte over and over; deflate shrinks 300 MB of it to about 300 KB.</summary>
    public static Action<Stream> Repeated(byte value, long count) => stream =>
    {
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, value);
        for (var left = count; left > 0; left -= chunk.Length)
        {
            stream.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }
    };

    public static (string, Action<Stream>)[] Docx(Action<Stream> document) =>
    [
        ("[Content_Types].xml", Text("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""")),
        ("_rels/.rels", Text("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""")),
        ("word/document.xml", document),
    ];

    /// <summary>The penetration test's file: a docx whose <c>mimetype</c> entry expands to 300 MB (about 306 KB uploaded).</summary>
    public static byte[] MimetypeBomb() => Build([("mimetype", Repeated((byte)'a', Bomb)), .. Docx(Text("<w:document/>"))]);
}
