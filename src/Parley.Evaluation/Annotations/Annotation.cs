using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Evaluation.Events;

namespace Parley.Evaluation.Annotations;

/// <summary>
/// One language-layer annotation: a time expression, an actor mention, a place name or a quote
/// in an article, with the value that layer resolves it to. The JSON Lines form is documented in
/// tests/data/gold/README.md: <c>{"article": "001", "layer": "time", "text": "Monday", "start": 123,
/// "value": "2024-07-08"}</c>; actors carry <c>code</c> and <c>country</c>, places <c>country</c>,
/// quotes <c>speaker</c> and <c>speaker_country</c>. <c>country</c> may be a list of acceptable codes.
/// </summary>
/// <param name="Article">The article it belongs to (the number of samples/articles/NNN-*.txt).</param>
/// <param name="Layer">"time", "actor", "place" or "quote".</param>
/// <param name="Text">The annotated text, exactly as in the article.</param>
/// <param name="Start">Character offset of <paramref name="Text"/> in the article file, if known.</param>
/// <param name="Value">For times: the TIMEX3-style value ("2024-07-08", "2024-W41", "P2D"); null when
/// the expression has no clean value (then only the span is scored).</param>
/// <param name="Code">For actors: the CAMEO-style code (country + sector, "USAGOV").</param>
/// <param name="Countries">For actors and places: the acceptable country or bloc codes; null when
/// the place has none (a sea, a region).</param>
/// <param name="Speaker">For quotes: who said it.</param>
/// <param name="SpeakerCountries">For quotes: the acceptable country codes of the speaker.</param>
/// <param name="Part">Where it stands: "title", "caption", or null for the body.</param>
public sealed record Annotation(
    string Article,
    string Layer,
    string Text,
    int? Start = null,
    string? Value = null,
    string? Code = null,
    IReadOnlyList<string>? Countries = null,
    string? Speaker = null,
    IReadOnlyList<string>? SpeakerCountries = null,
    string? Part = null)
{
    /// <summary>The time layer.</summary>
    public const string Time = "time";
    /// <summary>The actor layer.</summary>
    public const string Actor = "actor";
    /// <summary>The place layer.</summary>
    public const string Place = "place";
    /// <summary>The quote layer.</summary>
    public const string Quote = "quote";

    /// <summary>Reads a JSON Lines annotation file, blank lines ignored.</summary>
    /// <exception cref="FormatException">A line is not a valid annotation (code PARLEY-EVAL003).</exception>
    public static IReadOnlyList<Annotation> Load(string path) => Parse(File.ReadLines(path), path);

    /// <summary>Parses JSON Lines annotations; <paramref name="source"/> names them in error messages.</summary>
    /// <exception cref="FormatException">A line is not a valid annotation (code PARLEY-EVAL003).</exception>
    public static IReadOnlyList<Annotation> Parse(IEnumerable<string> lines, string source = "annotations")
    {
        var result = new List<Annotation>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (PythonText.Strip(line).Length == 0) continue;
            var where = $"{source}:{number}";
            JsonObject obj;
            try
            {
                obj = JsonNode.Parse(line) as JsonObject ?? throw Error(where, "not a JSON object");
            }
            catch (JsonException e)
            {
                throw Error(where, "not valid JSON: " + e.Message);
            }
            result.Add(new Annotation(
                Article: Field(obj, "article") ?? throw Error(where, "\"article\" is missing"),
                Layer: Field(obj, "layer") ?? throw Error(where, "\"layer\" is missing"),
                Text: Field(obj, "text") ?? throw Error(where, "\"text\" is missing"),
                Start: obj["start"] is JsonValue s && s.TryGetValue<int>(out var start) ? start : null,
                Value: Field(obj, "value"),
                Code: Field(obj, "code"),
                Countries: Codes(obj["country"]),
                Speaker: Field(obj, "speaker"),
                SpeakerCountries: Codes(obj["speaker_country"]),
                Part: Field(obj, "part")));
        }
        return result;
    }

    private static string? Field(JsonObject obj, string key) => PythonText.AsString(obj[key]);

    private static List<string>? Codes(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(PythonText.AsString).OfType<string>().ToList(),
        _ when PythonText.AsString(node) is { } s => [s],
        _ => null,
    };

    private static FormatException Error(string where, string what) =>
        new($"PARLEY-EVAL003: {where}: {what}; an annotation line is {{\"article\", \"layer\", \"text\", \"start\"?, and \"value\" | \"code\"/\"country\" | \"speaker\"}} (see tests/data/gold/README.md)");
}
