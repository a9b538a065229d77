using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;

namespace CitizenParticipation.Core.Syndication;

/// <summary>One entry of an Atom feed; <see cref="HtmlContent"/> must already be safe HTML.</summary>
public sealed record AtomEntry(string Id, string Title, string Link, DateTime Updated, string? Summary = null, string? HtmlContent = null, DateTime? Published = null);

/// <summary>
/// An Atom 1.0 feed (RFC 4287) written with XmlWriter, since System.ServiceModel.Syndication is not
/// served by our feed. Every module's public feed goes through here.
/// </summary>
public sealed record AtomFeed(string Title, string Id, string SelfLink, string AlternateLink, string Author, IReadOnlyList<AtomEntry> Entries)
{
    private const string Ns = "http://www.w3.org/2005/Atom";
    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public string ToXml()
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartElement("feed", Ns);
            xml.WriteAttributeString("xml", "lang", null, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
            xml.WriteElementString("title", Ns, Title);
            xml.WriteElementString("id", Ns, Id);
            WriteLink(xml, "self", null, SelfLink);
            WriteLink(xml, "alternate", "text/html", AlternateLink);
            xml.WriteElementString("updated", Ns, Rfc3339(Entries.Count > 0 ? Entries.Max(e => e.Updated) : Epoch));
            xml.WriteStartElement("author", Ns);
            xml.WriteElementString("name", Ns, Author);
            xml.WriteEndElement();
            foreach (var entry in Entries)
            {
                xml.WriteStartElement("entry", Ns);
                xml.WriteElementString("title", Ns, entry.Title);
                xml.WriteElementString("id", Ns, entry.Id);
                WriteLink(xml, null, null, entry.Link);
                xml.WriteElementString("updated", Ns, Rfc3339(entry.Updated));
                if (entry.Published is { } published)
                {
                    xml.WriteElementString("published", Ns, Rfc3339(published));
                }

                if (entry.Summary is not null)
                {
                    xml.WriteElementString("summary", Ns, entry.Summary);
                }

                if (entry.HtmlContent is not null)
                {
                    xml.WriteStartElement("content", Ns);
                    xml.WriteAttributeString("type", "html");
                    xml.WriteString(entry.HtmlContent);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public ContentResult ToContentResult() => new() { Content = ToXml(), ContentType = "application/atom+xml; charset=utf-8" };

    public static string Rfc3339(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteLink(XmlWriter xml, string? rel, string? type, string href)
    {
        xml.WriteStartElement("link", Ns);
        if (rel is not null)
        {
            xml.WriteAttributeString("rel", rel);
        }

        if (type is not null)
        {
            xml.WriteAttributeString("type", type);
        }

        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
