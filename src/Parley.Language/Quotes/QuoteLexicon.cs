using Parley.Core.Data;

namespace Parley.Language.Quotes;

/// <summary>A speech verb form: its lemma, whether it introduces reported speech or takes a hearer, and the source cue it gives.</summary>
internal sealed record SpeechVerb(string Form, string Lemma, bool Clause, bool BareClause, bool Object, string Cue);

/// <summary>An attribution phrase ("according to") and the cue it gives.</summary>
internal sealed record AttributionCue(string Phrase, string Cue);

/// <summary>The vocabulary of quote and source attribution, read once from Quotes/Data.</summary>
internal sealed class QuoteLexicon
{
    private static readonly Lazy<QuoteLexicon> Shared = new(() => new QuoteLexicon());

    public static QuoteLexicon Default => Shared.Value;

    private QuoteLexicon()
    {
        var asm = typeof(QuoteLexicon).Assembly;
        foreach (var row in DataFile.ReadTsv(asm, "Quotes/Data/speech-verbs.tsv"))
            Verbs[row["form"]] = new SpeechVerb(row["form"], row["lemma"], row["clause"] is "bare" or "that", row["clause"] == "bare", row["object"] == "yes", row["cue"]);
        foreach (var row in DataFile.ReadTsv(asm, "Quotes/Data/attribution-cues.tsv"))
            Cues.Add(new AttributionCue(row["phrase"], row["cue"]));
        foreach (var row in DataFile.ReadTsv(asm, "Quotes/Data/subject-words.tsv"))
        {
            var set = row["kind"] switch
            {
                "boundary" => Boundaries,
                "skip" => Skips,
                "pronoun" => Pronouns,
                "determiner" => Determiners,
                "passive" => Passives,
                _ => throw new InvalidDataException($"PARLEY-D003: {row.File}:{row.Line}: unknown kind '{row["kind"]}'"),
            };
            set.Add(row["word"]);
        }
    }

    public Dictionary<string, SpeechVerb> Verbs { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<AttributionCue> Cues { get; } = [];
    public HashSet<string> Boundaries { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Skips { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Pronouns { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Determiners { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Passives { get; } = new(StringComparer.OrdinalIgnoreCase);
}
