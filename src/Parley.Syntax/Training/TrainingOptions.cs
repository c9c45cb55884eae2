namespace Parley.Syntax.Training;

/// <summary>What <see cref="SyntaxTrainer.Train"/> learns from and how.</summary>
public sealed class TrainingOptions
{
    /// <summary>CoNLL-U training files. A file named like a test split ("*-test*") is refused.</summary>
    public required IReadOnlyList<string> TrainFiles { get; init; }

    /// <summary>
    /// CoNLL-U files of automatically parsed sentences ("silver" trees, e.g. those on which two differently
    /// built parsers agreed: tri-training, Li, Zhang and Chen 2014) that the parser also learns from, with
    /// their own (predicted) tags as the parser's tags; the tagger, lemmatiser and punctuation step never
    /// see them. Sentences with a tag or relation the gold files do not have are skipped. Default none.
    /// </summary>
    public IReadOnlyList<string> SilverFiles { get; init; } = [];

    /// <summary>Seed of every random choice (sentence order, exploration): same seed, same data, same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Passes over the data for the tagger.</summary>
    public int TaggerEpochs { get; init; } = 10;

    /// <summary>Passes over the data for the parser.</summary>
    public int ParserEpochs { get; init; } = 15;

    /// <summary>
    /// Folds for jackknifed tags: the parser is trained on tags predicted by taggers that did not see
    /// the sentence, as it will meet them at run time. 0 or 1 trains the parser on gold tags.
    /// </summary>
    public int JackknifeFolds { get; init; } = 4;

    /// <summary>
    /// Word-cluster features in the tagger and parser, and dependents' label sets in the parser
    /// (see <see cref="Tagging.WordClusters"/>). Default true; false trains the session-1 feature set.
    /// </summary>
    public bool Clusters { get; init; } = true;

    /// <summary>
    /// The tagger's word-cluster templates when they should differ from <see cref="Clusters"/> (which
    /// otherwise decides: all of them or none); the parser follows <see cref="Clusters"/>.
    /// </summary>
    public Tagging.TaggerClusters? TaggerClusters { get; init; }

    /// <summary>
    /// Whether the parser reads the label sets of the dependents found so far (Zhang and Nivre 2011)
    /// when that should differ from <see cref="Clusters"/> (which otherwise decides).
    /// </summary>
    public bool? ParserLabelSets { get; init; }

    /// <summary>
    /// Whether the parser reads the word-cluster templates, when that should differ from <see cref="Clusters"/>.
    /// With <see cref="Clusters"/> on and this false the parser keeps the cluster-coded word values
    /// (<see cref="Tagging.WordFeatures.LowerHashes"/>) without the cluster templates: a member of a
    /// different feature set that can still join an ensemble with cluster parsers (tools/combine-syntax.cs).
    /// </summary>
    public bool? ParserClusterTemplates { get; init; }

    /// <summary>The tagger's cluster templates as trained.</summary>
    internal Tagging.TaggerClusters TaggerClusterTemplates => TaggerClusters ?? (Clusters ? Tagging.TaggerClusters.All : Tagging.TaggerClusters.None);

    /// <summary>
    /// Also train a right-to-left parser on the reversed sentences, combined with the left-to-right
    /// one arc by arc at run time (see <see cref="Parsing.ParserEnsemble"/>). Default true.
    /// </summary>
    public bool Bidirectional { get; init; } = true;

    /// <summary>
    /// Also train a first-order graph-based parser (<see cref="Parsing.GraphParser"/>) for
    /// <see cref="ParserEpochs"/> epochs, combined with the transition parsers as
    /// <see cref="Combination"/> says. Default false.
    /// </summary>
    public bool GraphParser { get; init; }

    /// <summary>
    /// Also train the punctuation step (<see cref="Parsing.PunctuationAttacher"/>), which re-attaches
    /// punctuation once the parser is done. Default true.
    /// </summary>
    public bool Punctuation { get; init; } = true;

    /// <summary>Passes over the data for the punctuation step.</summary>
    public int PunctuationEpochs { get; init; } = 8;

    /// <summary>Passes over the data for the graph-based parser when they should differ from <see cref="ParserEpochs"/>.</summary>
    public int? GraphEpochs { get; init; }

    /// <summary>The graph-based parser's <see cref="Parsing.GraphParser.MaxPairDistance"/> (null = no limit).</summary>
    public int? GraphMaxPairDistance { get; init; }

    /// <summary>How the parser members are combined at run time (saved with the model); null = <see cref="Parsing.ParserCombination.Default"/>.</summary>
    public Parsing.ParserCombination? Combination { get; init; }

    /// <summary>
    /// How many times per epoch the tagger and parser see each sentence of the in-domain files (UD EWT,
    /// the only web text: <see cref="IsInDomain"/>); the other files once. The sentences are not
    /// duplicated: jackknife folds and the feature counts still see each sentence once.
    /// </summary>
    public int InDomainRepeats { get; init; } = 1;

    /// <summary>The tagger's <see cref="InDomainRepeats"/> when it should differ from the parser's.</summary>
    public int? TaggerInDomainRepeats { get; init; }

    /// <summary>Whether a training file is in-domain web text (a UD EWT file): see <see cref="InDomainRepeats"/>.</summary>
    public static bool IsInDomain(string file) => Path.GetFileName(file).StartsWith("en_ewt", StringComparison.OrdinalIgnoreCase);

    /// <summary>Averaged weights smaller than this (absolute) are dropped from the saved models.</summary>
    public float Prune { get; init; } = 0.05f;

    /// <summary>Features seen fewer times than this along the gold decisions get no weight (smaller models, little loss).</summary>
    public int MinFeatureCount { get; init; } = 2;

    /// <summary>
    /// A folder where the trained tagger, lemmatiser and the parser's jackknifed tags are kept, so
    /// that parser experiments skip the (long) tagger training: read when present, written when not.
    /// The cache holds for one set of training files, seed, tagger epochs and folds; delete it when
    /// any of them changes. Null (the default) trains everything.
    /// </summary>
    public string? TagCacheDirectory { get; init; }

    /// <summary>Use at most this many sentences (0 = all): for quick tests.</summary>
    public int MaxSentences { get; init; }

    /// <summary>Receives progress lines (epochs, accuracies); null for silence.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>
    /// The standard recipe over the shared UD folder: every GUM document plus UD EWT dev, except the
    /// held-out GUM news fold (<see cref="HeldOutNewsDocuments"/>); never EWT test.
    /// </summary>
    /// <param name="udDirectory">The folder holding en_ewt-ud-dev.conllu and gum/.</param>
    public static TrainingOptions FromSharedUd(string udDirectory) => new()
    {
        TrainFiles = StandardTrainFiles(udDirectory),
    };

    /// <summary>
    /// The training files of the standard recipe (see <see cref="FromSharedUd"/>); with
    /// <paramref name="includeHeldOutNews"/> also the held-out GUM news fold (for the shipped model, once
    /// the held-out figures have been measured with a model that did not see it).
    /// </summary>
    public static IReadOnlyList<string> StandardTrainFiles(string udDirectory, bool includeHeldOutNews = false)
    {
        var held = new HashSet<string>(includeHeldOutNews ? [] : HeldOutNewsDocuments(udDirectory));
        var files = Directory.GetFiles(Path.Combine(udDirectory, "gum"), "*.conllu")
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .Where(f => !held.Contains(f))
            .ToList();
        files.Add(Path.Combine(udDirectory, "en_ewt-ud-dev.conllu"));
        return files;
    }

    /// <summary>
    /// The GUM news documents held out from training so that news accuracy can be measured: every
    /// fourth news document in name order (6 of 24).
    /// </summary>
    public static IReadOnlyList<string> HeldOutNewsDocuments(string udDirectory) =>
        Directory.GetFiles(Path.Combine(udDirectory, "gum"), "GUM_news_*.conllu")
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .Where((_, i) => i % 4 == 0)
            .ToList();
}
