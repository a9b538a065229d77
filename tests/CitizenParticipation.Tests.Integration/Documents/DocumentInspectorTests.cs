using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using CitizenParticipation.Core.Documents;
using static CitizenParticipation.Tests.Integration.Documents.TestZips;

namespace CitizenParticipation.Tests.Integration.Documents;

/// <summary>Zip containers are inspected from their central directory and a bounded inflate, never expanded into memory.</summary>
public sealed class DocumentInspectorTests
{
    private const string TooCompressed = "The file {0} is compressed more than {1} to 1, which documents never are.";

    private readonly DocumentInspector _inspector = new(DocumentInspector.DefaultMaxBytes);

    private DocumentRefusedException Refused(string fileName, byte[] content) =>
        Assert.Throws<DocumentRefusedException>(() => _inspector.Inspect(fileName, content));

    [Fact]
    public void Types_are_detected_from_content()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(archive.CreateEntry("mimetype").Open())) writer.Write("application/hwp+zip");
            archive.CreateEntry("Contents/section0.xml");
        }

        Assert.Equal("hwpx", _inspector.Inspect("계획.hwpx", zip.ToArray()).Type);
        Assert.Throws<DocumentRefusedException>(() => _inspector.Inspect("계획.docx", zip.ToArray()));
        Assert.Equal("png", _inspector.Inspect("a.PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]).Type);
        Assert.Equal("jpeg", _inspector.Inspect("a.jpg", [0xFF, 0xD8, 0xFF, 0xE0]).Type);
    }

    [Fact]
    public void A_docx_whose_mimetype_entry_expands_to_300_MB_is_refused()
    {
        var bomb = MimetypeBomb();
        Assert.InRange(bomb.Length, 1, 1024 * 1024);

        var refused = Refused("계획.docx", bomb);

        Assert.Equal(TooCompressed, refused.Template);
        Assert.Equal("The file 계획.docx is compressed more than 100 to 1, which documents never are.", refused.Message);
    }

    [Fact]
    public void A_docx_whose_document_expands_to_300_MB_is_refused()
    {
        var refused = Refused("보고서.docx", Build(Docx(Repeated((byte)' ', Bomb))));

        Assert.Equal(TooCompressed, refused.Template);
    }

    [Fact]
    public void An_archive_that_says_it_unpacks_to_more_than_25_times_the_upload_limit_is_refused_before_anything_is_inflated()
    {
        // 7 MB that does not compress, declared as 600 MB: 86 to 1, under the ratio limit but over 25 × 20 MB.
        var noise = new byte[7 * 1024 * 1024];
        new Random(11).NextBytes(noise);
        var archive = Build(Docx(stream => stream.Write(noise)));
        DeclareUncompressedSize(archive, "word/document.xml", 600u * 1024 * 1024);

        var refused = Refused("보고서.docx", archive);

        Assert.Equal("The file 보고서.docx unpacks to more than 500 MB, more than any document needs.", refused.Message);
    }

    [Fact]
    public void A_part_compressed_far_more_than_documents_ever_are_is_refused()
    {
        // 50 MB of one byte is under the size limit but compressed about 1,000 to 1.
        var refused = Refused("보고서.docx", Build(Docx(Repeated((byte)' ', 50L * 1024 * 1024))));

        Assert.Equal(TooCompressed, refused.Template);
    }

    [Fact]
    public void A_small_file_that_unpacks_to_many_times_its_size_in_many_parts_is_refused()
    {
        // Each part stays under the per-part allowance; together they are 1,000 to 1.
        var parts = Enumerable.Range(0, 40).Select(i => ($"word/media/part{i}.xml", Repeated((byte)'x', 1024 * 1024)));
        var refused = Refused("보고서.docx", Build([.. Docx(Text("<w:document/>")), .. parts]));

        Assert.Equal(TooCompressed, refused.Template);
    }

    [Fact]
    public void A_zip_with_100000_entries_is_refused()
    {
        var empty = Enumerable.Range(0, 100_000).Select(i => (i.ToString(CultureInfo.InvariantCulture), Text("")));

        var refused = Refused("목록.xlsx", Build([.. Xlsx(10), .. empty]));

        Assert.Equal("The file {0} holds more than {1:N0} parts; no document needs that many.", refused.Template);
    }

    [Fact]
    public void A_part_that_expands_beyond_the_size_its_headers_declare_is_refused()
    {
        // 300 MB of spaces whose local and central headers both claim 10,000 bytes: only the inflate can tell.
        var bomb = Build(Docx(Repeated((byte)' ', Bomb)));
        DeclareUncompressedSize(bomb, "word/document.xml", 10_000);

        var refused = Refused("보고서.docx", bomb);

        Assert.Equal("The file {0} is damaged or forged: a part unpacks to another size than the one it declares.", refused.Template);
    }

    [Fact]
    public void A_part_whose_compressed_data_is_damaged_is_refused_without_an_exception_of_another_kind()
    {
        var damaged = Build(Docx(Text("<w:document>" + string.Concat(Enumerable.Repeat("<w:p>문단</w:p>", 100)) + "</w:document>")));
        var local = LocalHeaderOf(damaged, "word/document.xml");
        var dataStart = local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(damaged.AsSpan(local + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(damaged.AsSpan(local + 28));
        damaged[dataStart] = 0xFF; // a final block of the reserved type 3

        Refused("보고서.docx", damaged);
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    [InlineData("pptx")]
    [InlineData("hwpx")]
    public void Ordinary_documents_are_accepted(string type)
    {
        var content = type switch
        {
            "docx" => Build(Docx(Text("<w:document><w:body><w:p><w:r><w:t>시민 참여 계획</w:t></w:r></w:p></w:body></w:document>"))),
            "xlsx" => Build(Xlsx(10)),
            "pptx" => Build(
                ("[Content_Types].xml", Text("<Types/>")),
                ("ppt/presentation.xml", Text("<p:presentation/>")),
                ("ppt/slides/slide1.xml", Text("<p:sld/>"))),
            _ => Build(
                ("mimetype", Text("application/hwp+zip")),
                ("version.xml", Text("<hv:HCFVersion/>")),
                ("Contents/header.xml", Text("<hh:head/>")),
                ("Contents/section0.xml", Text("<hs:sec><hp:p><hp:run><hp:t>시민 참여 계획</hp:t></hp:run></hp:p></hs:sec>"))),
        };

        Assert.Equal(type, _inspector.Inspect("문서." + type, content).Type);
    }

    [Fact]
    public void A_big_but_ordinary_spreadsheet_and_report_are_accepted()
    {
        var sheet = Build(Xlsx(200_000));
        Assert.Equal("xlsx", _inspector.Inspect("예산.xlsx", sheet).Type);

        var words = new[] { "시민", "참여", "예산", "교통", "정책", "검토", "회의", "결과", "부평구", "2026년", "추진", "계획", "the", "budget" };
        var random = new Random(7);
        var text = new StringBuilder("<w:document><w:body>");
        for (var p = 0; p < 40_000; p++)
        {
            text.Append("<w:p><w:r><w:t>");
            for (var w = 0; w < 12; w++) text.Append(words[random.Next(words.Length)]).Append(' ');
            text.Append("</w:t></w:r></w:p>");
        }

        Assert.Equal("docx", _inspector.Inspect("회의록.docx", Build(Docx(Text(text.Append("</w:body></w:document>").ToString())))).Type);
    }

    /// <summary>A workbook with <paramref name="rows"/> rows of numbers and short texts in one sheet, as spreadsheet programs write them.</summary>
    private static (string, Action<Stream>)[] Xlsx(int rows) =>
    [
        ("[Content_Types].xml", Text("<Types/>")),
        ("xl/workbook.xml", Text("<workbook><sheets><sheet name=\"예산\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
        ("xl/worksheets/sheet1.xml", stream =>
        {
            using var writer = new StreamWriter(stream, Encoding.UTF8, 65536, leaveOpen: true);
            writer.Write("<worksheet><sheetData>");
            var random = new Random(3);
            for (var r = 1; r <= rows; r++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>{random.Next(40)}</v></c><c r=\"B{r}\"><v>{random.Next(1_000_000)}</v></c><c r=\"C{r}\"><v>{random.NextDouble() * 100:F2}</v></c><c r=\"D{r}\" s=\"2\"><v>{46000 + random.Next(365)}</v></c></row>"));
            }

            writer.Write("</sheetData></worksheet>");
        }),
    ];

    private static int LocalHeaderOf(byte[] zip, string name)
    {
        var at = zip.AsSpan().IndexOf(Encoding.UTF8.GetBytes(name)) - 30;
        Assert.Equal(0x04034b50u, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at)));
        return at;
    }

    /// <summary>Rewrites the uncompressed size that the local header and the central directory give for one entry.</summary>
    private static void DeclareUncompressedSize(byte[] zip, string name, uint size)
    {
        var local = LocalHeaderOf(zip, name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var central = local + 30 + zip.AsSpan(local + 30 + nameBytes.Length).IndexOf(nameBytes) + nameBytes.Length - 46;
        Assert.Equal(0x02014b50u, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(central)));
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(local + 22), size);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(central + 24), size);
    }
}
