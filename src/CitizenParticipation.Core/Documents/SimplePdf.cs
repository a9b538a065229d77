using System.Text;

namespace CitizenParticipation.Core.Documents;

/// <summary>A small valid PDF written by hand, for demo data: one A4 page of Latin text in Helvetica.</summary>
public static class SimplePdf
{
    public static byte[] Create(string title, string text)
    {
        static string Escape(string s) => new(s.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
        var lines = new List<string> { Escape(title), "" };
        foreach (var paragraph in (text ?? "").Replace("\r", "").Split('\n'))
        {
            var words = Escape(paragraph).Split(' ');
            var line = new StringBuilder();
            foreach (var word in words)
            {
                if (line.Length + word.Length > 85)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : "").Append(word);
            }

            lines.Add(line.ToString());
        }

        var stream = new StringBuilder("BT /F1 11 Tf 14 TL 56 780 Td\n");
        foreach (var line in lines.Take(50))
        {
            stream.Append('(').Append(line.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)")).Append(") Tj T*\n");
        }

        stream.Append("ET");
        var content = stream.ToString();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(content)} >>\nstream\n{content}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
