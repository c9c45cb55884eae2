using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Core.Model;

namespace Parley.Engine.Output;

/// <summary>
/// Writes the whole document model for inspection (<c>parley annotate</c>): metadata, sentences,
/// tokens with tags and heads, entities, places, times, quotes, sources and events, every one
/// with its character offsets into <c>text</c>.
/// </summary>
public static class DocumentJsonWriter
{
    /// <summary>Serialises <paramref name="document"/>; <paramref name="indented"/> for people, compact for JSON Lines.</summary>
    public static string ToJson(Document document, string origin, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(json, document, origin);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, Document d, string origin)
    {
        var m = d.Metadata;
        json.WriteStartObject();
        json.WriteString("origin", origin);
        json.WriteString("id", d.ContentHash);
        json.WriteString("title", m.Title);
        json.WriteString("published", m.Published?.ToString("O"));
        json.WriteString("published_source", m.PublishedSource);
        json.WriteString("site", m.Site);
        json.WriteString("author", m.Author);
        json.WriteString("text", d.Text);
        json.WriteStartArray("captions");
        foreach (var c in m.Captions) json.WriteStringValue(c);
        json.WriteEndArray();

        json.WriteStartArray("sentences");
        foreach (var s in d.Sentences)
        {
            json.WriteStartObject();
            Span(json, s.Span);
            json.WriteString("text", s.Text);
            json.WriteStartArray("tokens");
            foreach (var t in s.Tokens)
            {
                json.WriteStartObject();
                json.WriteNumber("i", t.Index);
                json.WriteString("text", t.Text);
                Span(json, t.Span);
                if (t.Upos is not null) json.WriteString("upos", t.Upos);
                if (t.Xpos is not null) json.WriteString("xpos", t.Xpos);
                if (t.Lemma is not null) json.WriteString("lemma", t.Lemma);
                if (t.Head is { } head) json.WriteNumber("head", head);
                if (t.Relation is not null) json.WriteString("rel", t.Relation);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("entities");
        foreach (var a in d.Actors)
        {
            json.WriteStartObject();
            json.WriteString("text", a.Text);
            Span(json, a.Span);
            json.WriteString("type", a.Kind.ToString().ToLowerInvariant());
            json.WriteString("code", a.Code);
            json.WriteString("country", a.Country);
            json.WriteString("sector", a.Sector);
            json.WriteString("name", a.Name);
            json.WriteString("role", a.Role);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("places");
        foreach (var p in d.Places)
        {
            json.WriteStartObject();
            json.WriteString("text", p.Text);
            Span(json, p.Span);
            json.WriteString("name", p.Name);
            json.WriteString("country", p.Country);
            json.WriteString("kind", p.Kind);
            if (p.Latitude is { } lat) json.WriteNumber("lat", lat);
            if (p.Longitude is { } lon) json.WriteNumber("lon", lon);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("times");
        foreach (var t in d.Times)
        {
            json.WriteStartObject();
            json.WriteString("text", t.Text);
            Span(json, t.Span);
            json.WriteString("kind", t.Kind.ToString().ToLowerInvariant());
            json.WriteString("value", t.Value);
            if (t.EndValue is not null) json.WriteString("end_value", t.EndValue);
            json.WriteString("granularity", t.Granularity.ToString().ToLowerInvariant());
            json.WriteString("anchor", t.Anchor);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("quotes");
        foreach (var q in d.Quotes)
        {
            json.WriteStartObject();
            json.WriteString("text", q.Text);
            Span(json, q.Span);
            json.WriteString("speaker", q.Speaker);
            json.WriteString("speaker_code", q.SpeakerCode);
            json.WriteBoolean("reported", q.Reported);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("sources");
        foreach (var s in d.Sources)
        {
            json.WriteStartObject();
            json.WriteString("name", s.Name);
            Span(json, s.Span);
            json.WriteString("code", s.Code);
            json.WriteString("cue", s.Cue);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("events");
        foreach (var e in d.Events)
        {
            json.WriteStartObject();
            json.WriteString("cameo", e.Cameo);
            json.WriteString("label", e.Label);
            json.WriteString("actor1", string.Join('+', e.Actor1.Select(a => a.Code)));
            json.WriteString("actor2", string.Join('+', e.Actor2.Select(a => a.Code)));
            json.WriteString("date", e.Date);
            json.WriteString("status", e.Status.ToString().ToLowerInvariant());
            json.WriteNumber("sentence", e.Evidence.Count > 0 ? e.Evidence[0].SentenceIndex : -1);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in d.Diagnostics) json.WriteStringValue($"{diagnostic.Code} [{diagnostic.Stage}] {diagnostic.Message}");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Span(Utf8JsonWriter json, TextSpan span)
    {
        json.WriteNumber("start", span.Start);
        json.WriteNumber("end", span.End);
    }
}
