using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Core.Model;
using Parley.Storage;

namespace Parley.Engine.Output;

/// <summary>
/// Writes stored events as JSON Lines in Parley's event contract: id, date, date_precision,
/// actor1/actor2 ({code, country, sector, name}, a list for several participants, or null), cameo,
/// label, goldstein, quad_class, plover {type, mode}, status, location, reported_by,
/// evidence {article, text, start, end, trigger, actor1, actor2}, mentions, article {title, published, path_or_url}.
/// </summary>
public static class EventJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep quotes and non-ASCII readable in evidence text
        Indented = false,
    };

    /// <summary>Writes one line per event to <paramref name="output"/>.</summary>
    public static void WriteJsonl(IEnumerable<StoredEvent> events, Stream output)
    {
        foreach (var stored in events)
        {
            using (var json = new Utf8JsonWriter(output, Options))
            {
                Write(json, stored);
            }
            output.WriteByte((byte)'\n');
        }
        output.Flush();
    }

    /// <summary>One event as a single-line JSON string.</summary>
    public static string ToJson(StoredEvent stored)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options)) Write(json, stored);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, StoredEvent stored)
    {
        var e = stored.Event;
        json.WriteStartObject();
        json.WriteString("id", $"{stored.ArticleHash[..12]}-{stored.Id}");
        json.WriteNumber("cluster", stored.ClusterId);
        json.WriteString("date", e.Date);
        json.WriteString("date_precision", e.DatePrecision.ToString().ToLowerInvariant());
        json.WriteBoolean("date_is_fallback", e.DateIsFallback);
        WriteSide(json, "actor1", e.Actor1);
        WriteSide(json, "actor2", e.Actor2);
        json.WriteString("cameo", e.Cameo);
        json.WriteString("label", e.Label);
        json.WriteNumber("goldstein", e.Goldstein);
        json.WriteNumber("quad_class", e.QuadClass);
        if (e.Plover is { } plover)
        {
            json.WriteStartObject("plover");
            json.WriteString("type", plover.Type);
            if (plover.Mode is null) json.WriteNull("mode"); else json.WriteString("mode", plover.Mode);
            json.WriteEndObject();
        }
        else json.WriteNull("plover");
        json.WriteString("status", e.Status.ToString().ToLowerInvariant());
        if (e.Location is { } place)
        {
            json.WriteStartObject("location");
            json.WriteString("name", place.Name);
            json.WriteString("country", place.Country);
            if (place.Latitude is { } lat) json.WriteNumber("lat", lat);
            if (place.Longitude is { } lon) json.WriteNumber("lon", lon);
            json.WriteEndObject();
        }
        else json.WriteNull("location");
        json.WriteStartArray("reported_by");
        foreach (var source in e.ReportedBy) json.WriteStringValue(source);
        json.WriteEndArray();
        if (e.Evidence.Count > 0)
        {
            json.WritePropertyName("evidence");
            WriteEvidence(json, stored, 0);
        }
        else json.WriteNull("evidence");
        json.WriteStartArray("mentions");
        for (var i = 0; i < e.Evidence.Count; i++) WriteEvidence(json, stored, i);
        json.WriteEndArray();
        if (stored.OtherReports.Count > 0)
        {
            json.WriteStartArray("also_reported_in");
            foreach (var report in stored.OtherReports) json.WriteStringValue(report);
            json.WriteEndArray();
        }
        json.WriteStartObject("article");
        json.WriteString("id", stored.ArticleHash);
        json.WriteString("title", stored.ArticleTitle);
        json.WriteString("published", stored.ArticlePublished);
        json.WriteString("path_or_url", stored.ArticlePathOrUrl);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter json, string name, List<EventActor> actors)
    {
        switch (actors.Count)
        {
            case 0:
                json.WriteNull(name);
                break;
            case 1:
                json.WritePropertyName(name);
                WriteActor(json, actors[0]);
                break;
            default:
                json.WriteStartArray(name);
                foreach (var actor in actors) WriteActor(json, actor);
                json.WriteEndArray();
                break;
        }
    }

    private static void WriteActor(Utf8JsonWriter json, EventActor actor)
    {
        json.WriteStartObject();
        json.WriteString("code", actor.Code);
        json.WriteString("country", actor.Country);
        json.WriteString("sector", actor.Sector);
        json.WriteString("name", actor.Name);
        json.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter json, StoredEvent stored, int index)
    {
        var ev = stored.Event.Evidence[index];
        json.WriteStartObject();
        json.WriteString("article", stored.ArticleHash);
        json.WriteString("text", stored.EvidenceText[index]);
        json.WriteNumber("start", ev.Sentence.Start);
        json.WriteNumber("end", ev.Sentence.End);
        WriteSpan(json, "trigger", ev.Trigger);
        WriteSpan(json, "actor1", ev.Actor1);
        WriteSpan(json, "actor2", ev.Actor2);
        WriteSpan(json, "time", ev.Time);
        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, string name, TextSpan? span)
    {
        if (span is not { } s)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteNumber("start", s.Start);
        json.WriteNumber("end", s.End);
        json.WriteEndObject();
    }
}
