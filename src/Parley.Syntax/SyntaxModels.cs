using System.Diagnostics;
using Parley.Core.Data;
using Parley.Core.Model;
using Parley.Syntax.Learning;
using Parley.Syntax.Parsing;
using Parley.Syntax.Tagging;

namespace Parley.Syntax;

/// <summary>
/// The trained syntax models: a part-of-speech tagger (UPOS + Penn XPOS), a lemmatiser and a
/// dependency parser (UD relations). <see cref="Default"/> loads the models shipped in
/// Data/Models once per process; <see cref="Load(string)"/> reads models saved by
/// <see cref="Save"/> (for example by <see cref="Training.SyntaxTrainer"/>). Thread-safe: analysis
/// keeps its scratch state per call.
/// </summary>
public sealed class SyntaxModels
{
    internal const string TaggerFile = "tagger.bin.gz";
    internal const string ParserFile = "parser.bin.gz";
    private const string TaggerMagic = "parley-tagger-2";
    private const string FewClustersTaggerMagic = "parley-tagger-3";
    private const string ParserMagic = "parley-parser-3";
    private const string ForwardOnlyParserMagic = "parley-parser-2";
    private const string LabelSetsParserMagic = "parley-parser-4"; // one left-to-right parser, no clusters, dependents' label sets
    private const string EnsembleParserMagic = "parley-parser-5"; // feature-set flags stored; optional right-to-left and graph members, combination settings
    private const string MembersParserMagic = "parley-parser-6"; // the same with the word values' kind and any number of further transition members
    // Models saved before word clusters (session 1): read with the feature templates they were trained with.
    private const string TaggerMagicBeforeClusters = "parley-tagger-1";
    private const string ParserMagicBeforeClusters = "parley-parser-1";

    private static readonly Lazy<SyntaxModels> Shipped = new(LoadShipped);

    internal const string PunctuationFile = "punctuation.bin.gz";

    [ThreadStatic] private static ParserScratch? _scratch;

    internal SyntaxModels(PosTagger tagger, Lemmatizer lemmatizer, ParserEnsemble parser, PunctuationAttacher? punctuation = null)
    {
        Tagger = tagger;
        Lemmatizer = lemmatizer;
        Parser = parser;
        Punctuation = punctuation;
        PunctuationVocabulary = new PunctuationAttacher.Vocabulary(tagger.Upos, parser.Labels);
    }

    /// <summary>The models shipped with Parley (embedded in this assembly), loaded on first use.</summary>
    /// <exception cref="FileNotFoundException">The models are not embedded (code PARLEY-D001).</exception>
    public static SyntaxModels Default => Shipped.Value;

    /// <summary>Time taken to load <see cref="Default"/> (zero before its first use).</summary>
    public static TimeSpan DefaultLoadTime { get; private set; }

    internal PosTagger Tagger { get; }
    internal Lemmatizer Lemmatizer { get; }
    internal ParserEnsemble Parser { get; }

    /// <summary>Re-attaches punctuation once the parser is done, when the models have it (see <see cref="PunctuationAttacher"/>).</summary>
    internal PunctuationAttacher? Punctuation { get; }

    internal PunctuationAttacher.Vocabulary PunctuationVocabulary { get; }

    /// <summary>Whether punctuation is re-attached after parsing (a punctuation model was loaded).</summary>
    public bool AttachesPunctuation => Punctuation is not null;

    /// <summary>The same models without the punctuation step: marks keep the heads the parser gave them.</summary>
    public SyntaxModels WithoutPunctuation() => new(Tagger, Lemmatizer, Parser);

    internal SyntaxModels WithPunctuation(PunctuationAttacher punctuation) => new(Tagger, Lemmatizer, Parser, punctuation);

    /// <summary>Relation labels the parser can produce.</summary>
    public IReadOnlyList<string> Relations => Parser.Labels;

    /// <summary>A one-line description of model sizes (features, weights, lemmatiser entries).</summary>
    public string Describe() =>
        $"tagger: {Tagger.Upos.Length} tags, {Tagger.Model.Features + (Tagger.SecondPass?.Features ?? 0):N0} features, {Tagger.Model.Weights + (Tagger.SecondPass?.Weights ?? 0):N0} weights (two passes: {Tagger.SecondPass is not null}); " +
        $"lemmatiser: {Lemmatizer.Size.Exceptions:N0} exceptions, {Lemmatizer.Size.Rules:N0} rules; " +
        $"parser: {Parser.Labels.Length} relations, {TransitionParsers.Sum(p => p.Model.Features):N0} features, {TransitionParsers.Sum(p => (long)p.Model.Weights):N0} weights (two directions: {Parser.Backward is not null}{(Parser.Extra.Count > 0 ? $", {Parser.Extra.Count} further members" : "")})" +
        (Parser.Graph is { } g ? $"; graph parser: {g.Side.Features + g.Pair.Features + g.Labeler.Model.Features:N0} features, {g.Side.Weights + g.Pair.Weights + g.Labeler.Model.Weights:N0} weights" : "");

    private IEnumerable<DependencyParser> TransitionParsers =>
        new[] { Parser.Forward, Parser.Backward }.OfType<DependencyParser>().Concat(Parser.Extra.Select(m => m.Parser));

    /// <summary>
    /// A copy whose tagger and parser drop averaged weights below <paramref name="taggerMinimum"/> and
    /// <paramref name="parserMinimum"/> (absolute): smaller files at a small cost in accuracy.
    /// </summary>
    public SyntaxModels Pruned(float taggerMinimum, float parserMinimum) => new(
        new PosTagger(Tagger.Model.Pruned(taggerMinimum), Tagger.SecondPass?.Pruned(taggerMinimum), Tagger.Upos, Tagger.Xpos, Tagger.Clusters),
        Lemmatizer,
        Parser.Pruned(parserMinimum), Punctuation);

    /// <summary>
    /// The same models with the parser's members combined as <paramref name="combination"/> says (which
    /// of the left-to-right, right-to-left and graph-based parsers take part, and how their arcs are
    /// weighed); members the model does not have are ignored. Saved models keep their combination.
    /// </summary>
    public SyntaxModels WithCombination(ParserCombination combination) => new(Tagger, Lemmatizer, Parser.With(combination), Punctuation);

    /// <summary>
    /// The same models with the graph-based parser of <paramref name="other"/> (trained on the same
    /// tags and relations) as a member: for comparing graph parsers beside the same transition parsers.
    /// </summary>
    public SyntaxModels WithGraphParserOf(SyntaxModels other) =>
        new(Tagger, Lemmatizer, new ParserEnsemble(Parser.Forward, Parser.Backward, other.Parser.Graph, Parser.Combination, Parser.Extra), Punctuation);

    /// <summary>
    /// The same models with the transition parsers of <paramref name="other"/> (trained on the same tags and
    /// relations, reading the same word values) as further members of the margin-weighted combination;
    /// without <paramref name="backward"/> only its left-to-right parser joins.
    /// </summary>
    public SyntaxModels WithTransitionParsersOf(SyntaxModels other, bool backward = true)
    {
        var added = new List<TransitionMember> { new(other.Parser.Forward, false) };
        if (backward && other.Parser.Backward is { } b) added.Add(new(b, true));
        return new(Tagger, Lemmatizer, Parser.WithExtra(added.Concat(other.Parser.Extra)), Punctuation);
    }

    /// <summary>The parser members this model has: "forward", then "backward" and "graph" when present.</summary>
    public IReadOnlyList<string> ParserMembers =>
        new[] { "forward", Parser.Backward is null ? null : "backward" }.Concat(Parser.Extra.Select(m => m.Reversed ? "extra backward" : "extra forward"))
            .Append(Parser.Graph is null ? null : "graph").OfType<string>().ToList();

    /// <summary>Loads models saved by <see cref="Save"/> from <paramref name="directory"/> (the punctuation model when the directory has one).</summary>
    public static SyntaxModels Load(string directory)
    {
        using var tagger = File.OpenRead(Path.Combine(directory, TaggerFile));
        using var parser = File.OpenRead(Path.Combine(directory, ParserFile));
        var punctuationPath = Path.Combine(directory, PunctuationFile);
        using var punctuation = File.Exists(punctuationPath) ? File.OpenRead(punctuationPath) : null;
        return Load(tagger, parser, punctuation);
    }

    /// <summary>Loads models from a tagger stream, a parser stream and optionally a punctuation stream (gzip'd binary).</summary>
    /// <exception cref="InvalidDataException">A stream is not a Parley model (code PARLEY-S002).</exception>
    public static SyntaxModels Load(Stream tagger, Stream parser, Stream? punctuation = null)
    {
        var (t, l) = ModelFile.Load(tagger, [TaggerMagic, FewClustersTaggerMagic, TaggerMagicBeforeClusters], (magic, r) =>
            (PosTagger.Read(r, magic switch { TaggerMagic => TaggerClusters.All, FewClustersTaggerMagic => TaggerClusters.Few, _ => TaggerClusters.None }), Lemmatizer.Read(r)));
        // Older files hold one left-to-right parser.
        var p = ModelFile.Load(parser, [ParserMagic, ForwardOnlyParserMagic, LabelSetsParserMagic, ParserMagicBeforeClusters, EnsembleParserMagic, MembersParserMagic], (magic, r) => magic switch
        {
            ParserMagic => ParserEnsemble.Read(r),
            EnsembleParserMagic => ParserEnsemble.ReadEnsemble(r),
            MembersParserMagic => ParserEnsemble.ReadMembers(r),
            _ => new ParserEnsemble(DependencyParser.Read(r, clusters: magic == ForwardOnlyParserMagic, labelSets: magic != ParserMagicBeforeClusters), null),
        });
        if (t.Clusters != TaggerClusters.None || p.Forward.ClusterWords) WordClusters.Code("the"); // the cluster table the models read: loaded now, so load time counts it
        var a = punctuation is null ? null : ModelFile.Load(punctuation, PunctuationAttacher.Magic, PunctuationAttacher.Read);
        return new SyntaxModels(t, l, p, a);
    }

    /// <summary>Saves the models into <paramref name="directory"/> as tagger.bin.gz, parser.bin.gz and (when there is one) punctuation.bin.gz.</summary>
    public void Save(string directory)
    {
        var taggerMagic = Tagger.Clusters switch { TaggerClusters.All => TaggerMagic, TaggerClusters.Few => FewClustersTaggerMagic, _ => TaggerMagicBeforeClusters };
        ModelFile.Save(Path.Combine(directory, TaggerFile), taggerMagic, w => { Tagger.Write(w); Lemmatizer.Write(w); });
        // Any ensemble goes in the format that stores its combination (the older two-direction format did not).
        if (Parser.NeedsMembersFormat) ModelFile.Save(Path.Combine(directory, ParserFile), MembersParserMagic, Parser.WriteMembers);
        else if (Parser.Graph is not null || Parser.Backward is not null) ModelFile.Save(Path.Combine(directory, ParserFile), EnsembleParserMagic, Parser.WriteEnsemble);
        else if (Parser.Forward.Clusters) ModelFile.Save(Path.Combine(directory, ParserFile), ParserMagic, Parser.Write);
        else ModelFile.Save(Path.Combine(directory, ParserFile), Parser.Forward.LabelSets ? LabelSetsParserMagic : ParserMagicBeforeClusters, Parser.Forward.Write);
        if (Punctuation is not null) ModelFile.Save(Path.Combine(directory, PunctuationFile), PunctuationAttacher.Magic, Punctuation.Write);
    }

    private static SyntaxModels LoadShipped()
    {
        var watch = Stopwatch.StartNew();
        var assembly = typeof(SyntaxModels).Assembly;
        using var tagger = DataFile.Open(assembly, "Data/Models/" + TaggerFile);
        using var parser = DataFile.Open(assembly, "Data/Models/" + ParserFile);
        using var punctuation = DataFile.Open(assembly, "Data/Models/" + PunctuationFile);
        var models = Load(tagger, parser, punctuation);
        DefaultLoadTime = watch.Elapsed;
        return models;
    }

    /// <summary>
    /// Tags, lemmatises and parses one sentence: the tokens at <paramref name="spans"/> of
    /// <paramref name="text"/>. Heads are 0-based token indices within the sentence, -1 for the root.
    /// </summary>
    public SentenceAnalysis Analyse(string text, ReadOnlySpan<TextSpan> spans, bool parse = true)
    {
        var n = spans.Length;
        var result = new SentenceAnalysis(n);
        if (n == 0) return result;
        var tags = new int[n];
        Tagger.Tag(text, spans, tags);
        for (var i = 0; i < n; i++)
        {
            result.Upos[i] = Tagger.Upos[tags[i]];
            result.Xpos[i] = Tagger.Xpos[tags[i]];
            result.Lemmas[i] = Lemmatizer.Lemmatize(text.Substring(spans[i].Start, spans[i].Length), result.Upos[i], result.Xpos[i]);
        }
        if (!parse) return result;
        var words = new ulong[n];
        Tagging.WordFeatures.LowerHashes(text, spans, words, Parser.Forward.ClusterWords);
        var heads = new int[n + 1];
        var labels = new int[n + 1];
        Parse(text, spans, words, tags, _scratch ??= new ParserScratch(), heads, labels);
        for (var i = 0; i < n; i++)
        {
            result.Heads[i] = heads[i + 1] - 1;
            result.Relations[i] = Parser.Labels[labels[i + 1]];
        }
        return result;
    }

    /// <summary>
    /// Parses one tagged sentence (lower-case form hashes and tag ids of the words at <paramref name="spans"/>)
    /// into 1-based heads (0 = root) and label ids, then re-attaches its punctuation when the models can.
    /// </summary>
    internal void Parse(string text, ReadOnlySpan<TextSpan> spans, ReadOnlySpan<ulong> words, ReadOnlySpan<int> tags, ParserScratch scratch, Span<int> heads, Span<int> labels)
    {
        Parser.Parse(words, tags, scratch, heads, labels);
        Punctuation?.Attach(text, spans, tags, PunctuationVocabulary, scratch.Punctuation, heads, labels);
    }
}

/// <summary>Tags, lemmas and dependencies of one sentence; arrays indexed by token position in the sentence.</summary>
public sealed class SentenceAnalysis
{
    /// <summary>Creates empty arrays for <paramref name="count"/> tokens.</summary>
    public SentenceAnalysis(int count)
    {
        Upos = new string[count];
        Xpos = new string[count];
        Lemmas = new string[count];
        Heads = new int[count];
        Relations = new string[count];
        Array.Fill(Heads, -1);
        Array.Fill(Relations, "");
    }

    /// <summary>Universal part-of-speech tags.</summary>
    public string[] Upos { get; }
    /// <summary>Penn Treebank tags.</summary>
    public string[] Xpos { get; }
    /// <summary>Lemmas.</summary>
    public string[] Lemmas { get; }
    /// <summary>Head of each token as a 0-based index in the sentence; -1 for the root.</summary>
    public int[] Heads { get; }
    /// <summary>UD relation of each token to its head.</summary>
    public string[] Relations { get; }
}
