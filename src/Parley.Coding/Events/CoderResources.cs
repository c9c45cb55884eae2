using Parley.Coding.Cameo;
using Parley.Coding.Clauses;
using Parley.Coding.Patterns;
using Parley.Coding.Status;
using Parley.Core.Lexicon;

namespace Parley.Coding.Events;

/// <summary>
/// Everything the event coder reads from data, loaded once: the CAMEO codebook with PLOVER types, the
/// trigger dictionary, the status cues and derived codes, the function words, the number words and units
/// (shared with the temporal recognizer), and the inflection lexicon over all of their words. Immutable and thread-safe.
/// </summary>
public sealed class CoderResources
{
    private static readonly Lazy<CoderResources> DefaultInstance = new(() => new CoderResources(CameoCodebook.Default));

    /// <summary>Loads every data file, checking the dictionary's codes against <paramref name="codebook"/>.</summary>
    public CoderResources(CameoCodebook codebook)
    {
        Codebook = codebook;
        Patterns = PatternDictionary.Load(codebook);
        Cues = StatusCues.Load();
        Derived = DerivedCodes.Load();
        Words = FunctionWords.Load();
        Numbers = NumberLexicon.Default;
        Instruments = InstrumentCodes.Load();
        Lexicon = new Lexicon(
            Patterns.Patterns.SelectMany(p => p.Pattern.Words)
                .Concat(Cues.Cues.SelectMany(c => c.Pattern.Words))
                .Concat(Words.AllWords));
        Lexicon.Attach(Patterns, Cues);
    }

    /// <summary>The resources read from the embedded data files.</summary>
    public static CoderResources Default => DefaultInstance.Value;

    /// <summary>CAMEO codebook with PLOVER types.</summary>
    public CameoCodebook Codebook { get; }

    /// <summary>Trigger dictionary.</summary>
    public PatternDictionary Patterns { get; }

    /// <summary>Status cues.</summary>
    public StatusCues Cues { get; }

    /// <summary>Derived codes for pledges, threats, refusals, appeals and demands.</summary>
    public DerivedCodes Derived { get; }

    /// <summary>Function words by role.</summary>
    public FunctionWords Words { get; }

    /// <summary>Number words and time units, shared with the temporal recognizer (Parley.Core Lexicon/Data).</summary>
    public NumberLexicon Numbers { get; }

    /// <summary>Attacks coded by the weapon that carries them out ("warplanes struck": 195).</summary>
    public InstrumentCodes Instruments { get; }

    /// <summary>Inflections of every dictionary word.</summary>
    public Lexicon Lexicon { get; }
}
