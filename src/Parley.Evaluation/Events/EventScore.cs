namespace Parley.Evaluation.Events;

/// <summary>How one produced event was judged.</summary>
public enum VerdictKind
{
    /// <summary>Matches a gold event not matched before with the same code, actors and date.</summary>
    Correct,
    /// <summary>Matches a gold event already matched with the same code, actors and date: counts as wrong.</summary>
    Duplicate,
    /// <summary>Matches no gold event.</summary>
    Wrong,
}

/// <summary>Why a wrong produced event missed, judged against the nearest gold event whose
/// evidence it shares (see <see cref="EventScorer"/>).</summary>
public enum ErrorKind
{
    /// <summary>Not an error (correct event).</summary>
    None,
    /// <summary>A second copy of an event already counted.</summary>
    Duplicate,
    /// <summary>Right evidence and actors, wrong CAMEO code.</summary>
    WrongCode,
    /// <summary>Right evidence and code, wrong actors.</summary>
    WrongActors,
    /// <summary>Right evidence, code and actors, wrong date.</summary>
    WrongDate,
    /// <summary>No gold event shares its evidence, or only the evidence matches.</summary>
    Unmatched,
}

/// <summary>The judgement of one produced event.</summary>
/// <param name="Index">0-based position of the event in the produced list.</param>
/// <param name="Kind">Correct, duplicate or wrong.</param>
/// <param name="GoldId">The gold event it matched (correct or duplicate), else null.</param>
/// <param name="Actor1">The source actor's code as compared (first three letters), or null.</param>
/// <param name="Actor2">The target actor's code as compared, or null.</param>
/// <param name="Cameo">The produced code as the script prints it.</param>
/// <param name="Date">The produced date as the script prints it.</param>
/// <param name="Text">The first evidence sentence, normalised.</param>
/// <param name="Error">For a wrong event, why it missed.</param>
/// <param name="NearestGoldId">For a wrong event, the gold event its diagnosis compares with, if any.</param>
/// <param name="Root">The produced code's root category.</param>
public sealed record EventVerdict(
    int Index,
    VerdictKind Kind,
    string? GoldId,
    string? Actor1,
    string? Actor2,
    string Cameo,
    string Date,
    string Text,
    ErrorKind Error,
    string? NearestGoldId,
    string Root)
{
    /// <summary>The verdict word as the script prints it: "ok ID", "DUPLICATE of ID" or "WRONG".</summary>
    public string Label => Kind switch
    {
        VerdictKind.Correct => "ok " + GoldId,
        VerdictKind.Duplicate => "DUPLICATE of " + GoldId,
        _ => "WRONG",
    };

    /// <summary>The line <c>score_events.py -v</c> prints for this event.</summary>
    public override string ToString()
    {
        var label = Label;
        var pad = Math.Max(0, 22 - PythonText.Length(label));
        return $"{label}{new string(' ', pad)} {Actor1 ?? "None"}->{Actor2 ?? "None"} {Cameo} {Date} | {PythonText.Head(Text, 90)}";
    }
}

/// <summary>Recall and precision for one CAMEO root category.</summary>
/// <param name="Root">Root code ("14").</param>
/// <param name="Label">Its label ("protest").</param>
/// <param name="Required">Required gold events whose main code has this root.</param>
/// <param name="Matched">How many of those were matched.</param>
/// <param name="Produced">Produced events whose code has this root.</param>
/// <param name="Correct">How many of those were correct.</param>
public sealed record RootScore(string Root, string Label, int Required, int Matched, int Produced, int Correct)
{
    /// <summary>Matched / required, or null when no required gold event has this root.</summary>
    public double? Recall => Required == 0 ? null : (double)Matched / Required;

    /// <summary>Correct / produced, or null when nothing was produced with this root.</summary>
    public double? Precision => Produced == 0 ? null : (double)Correct / Produced;
}

/// <summary>Produced events whose code root differs from the main root of the gold event they
/// were compared with.</summary>
/// <param name="GoldRoot">Root of the gold event's main code.</param>
/// <param name="ProducedRoot">Root of the produced code.</param>
/// <param name="Wrong">Events that missed for their code (evidence and actors right).</param>
/// <param name="Accepted">Correct events coded with an accepted alternative from another root.</param>
public sealed record RootConfusion(string GoldRoot, string ProducedRoot, int Wrong, int Accepted);

/// <summary>A correct event whose status differs from the gold event's.</summary>
/// <param name="GoldId">The gold event.</param>
/// <param name="Expected">The gold status ("occurred" when the gold line has none).</param>
/// <param name="Produced">The produced event's status.</param>
public sealed record StatusMismatch(string GoldId, string Expected, string Produced);

/// <summary>The result of scoring produced events against a gold file.</summary>
public sealed record EventScore
{
    /// <summary>Matched required / required (1.0 when nothing is required).</summary>
    public required double Recall { get; init; }

    /// <summary>Correct / produced (0.0 when nothing was produced).</summary>
    public required double Precision { get; init; }

    /// <summary>Distinct required gold events matched.</summary>
    public required int Matched { get; init; }

    /// <summary>Required gold lines.</summary>
    public required int Required { get; init; }

    /// <summary>Produced events that matched a gold event and were not duplicates.</summary>
    public required int Correct { get; init; }

    /// <summary>Produced events.</summary>
    public required int Produced { get; init; }

    /// <summary>Produced events that repeated an event already counted.</summary>
    public required int Duplicates { get; init; }

    /// <summary>Ids of required gold events no produced event matched, in gold order.</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>
    /// Required gold events matched when each correct produced event is credited to one of the gold
    /// events it matches so that as many required events as possible are matched (a maximum
    /// one-to-one matching), instead of to the first matching gold line. Never below
    /// <see cref="Matched"/>; it differs when two gold events share a sentence and the first
    /// would take the credit for both (the seed's truce and soybean pledge).
    /// </summary>
    public int OneToOneMatched { get; init; }

    /// <summary>Required gold events not matched even by the one-to-one crediting, in gold order.</summary>
    public IReadOnlyList<string> OneToOneMissing { get; init; } = [];

    /// <summary><see cref="OneToOneMatched"/> / required (1.0 when nothing is required).</summary>
    public double OneToOneRecall => Required > 0 ? (double)OneToOneMatched / Required : 1.0;

    /// <summary>One verdict per produced event, in order.</summary>
    public required IReadOnlyList<EventVerdict> Verdicts { get; init; }

    /// <summary>Recall and precision per CAMEO root category that occurs in gold or output.</summary>
    public required IReadOnlyList<RootScore> PerRoot { get; init; }

    /// <summary>Gold root -> produced root counts, most frequent first.</summary>
    public required IReadOnlyList<RootConfusion> Confusion { get; init; }

    /// <summary>Correct events whose status (occurred, pledged, planned, denied...) differs from gold.
    /// The script ignores status; this is reported beside its figures.</summary>
    public required IReadOnlyList<StatusMismatch> StatusMismatches { get; init; }

    /// <summary>Correct events that carried a status to compare.</summary>
    public required int StatusChecked { get; init; }

    /// <summary>Number of wrong or duplicate events of one kind.</summary>
    public int Count(ErrorKind kind) => Verdicts.Count(v => v.Error == kind);

    /// <summary>Whether both minimums hold, as the script decides PASS.</summary>
    public bool Passes(double minRecall, double minPrecision) => Recall >= minRecall && Precision >= minPrecision;
}
