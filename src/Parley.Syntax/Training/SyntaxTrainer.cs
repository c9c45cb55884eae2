using System.Text;
using Parley.Core.Model;
using Parley.Syntax.Conllu;
using Parley.Syntax.Parsing;
using Parley.Syntax.Tagging;

namespace Parley.Syntax.Training;

/// <summary>
/// Trains the tagger, lemmatiser and parser from CoNLL-U treebanks. Deterministic: the same files,
/// options and seed give the same models, byte for byte.
/// </summary>
public static class SyntaxTrainer
{
    /// <summary>Trains the tagger, lemmatiser, parser and punctuation step as <paramref name="options"/> says.</summary>
    /// <exception cref="ArgumentException">A test split was given as training data (code PARLEY-S004), or there is no data.</exception>
    public static SyntaxModels Train(TrainingOptions options)
    {
        var data = Read(options);
        var (tagger, lemmatizer, parserTags) = TrainTagging(options, data);
        var parser = TrainParser(options, data, parserTags);
        var punctuation = options.Punctuation ? TrainPunctuation(options, data, parserTags) : null;
        return new SyntaxModels(tagger, lemmatizer, parser, punctuation);
    }

    /// <summary>
    /// <paramref name="models"/> with a punctuation step trained as <see cref="Train"/> would train it
    /// (on the same files, with jackknifed tags: from <see cref="TrainingOptions.TagCacheDirectory"/> when it
    /// has them, else by training the taggers again): the step learns from gold trees, so it does not depend
    /// on the parser it will follow.
    /// </summary>
    public static SyntaxModels AddPunctuation(SyntaxModels models, TrainingOptions options)
    {
        var data = Read(options);
        var (_, _, parserTags) = TrainTagging(options, data);
        return models.WithPunctuation(TrainPunctuation(options, data, parserTags));
    }

    /// <summary>The training sentences with their tag and relation vocabularies.</summary>
    private sealed record TrainingData(List<ConlluSentence> Sentences, int[] ParserRepeats, List<TaggedSentence> Tagged,
        string[] Upos, string[] Xpos, Dictionary<(string, string), int> TagIds, string[] Labels, Dictionary<string, int> LabelIds);

    private static TrainingData Read(TrainingOptions options)
    {
        foreach (var file in options.TrainFiles)
        {
            if (Path.GetFileName(file).Contains("-test", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"PARLEY-S004: {file} looks like a test split; Parley never trains on test data", nameof(options));
        }
        var read = options.TrainFiles
            .SelectMany(f => ConlluReader.ReadFile(f).Select(s => (Sentence: s, InDomain: TrainingOptions.IsInDomain(f))))
            .ToList();
        if (options.MaxSentences > 0 && read.Count > options.MaxSentences) read = read.Take(options.MaxSentences).ToList();
        var sentences = read.Select(r => r.Sentence).ToList();
        var parserRepeats = read.Select(r => r.InDomain ? Math.Max(1, options.InDomainRepeats) : 1).ToArray();
        var taggerRepeats = read.Select(r => r.InDomain ? Math.Max(1, options.TaggerInDomainRepeats ?? options.InDomainRepeats) : 1).ToArray();
        if (sentences.Count == 0) throw new ArgumentException("PARLEY-S005: no training sentences", nameof(options));
        options.Log?.Invoke($"training on {sentences.Count:N0} sentences, {sentences.Sum(s => s.Words.Count):N0} words from {options.TrainFiles.Count} files");

        // Joint UPOS+XPOS classes and relation labels, in order of first appearance (deterministic).
        var tagIds = new Dictionary<(string, string), int>();
        var labelIds = new Dictionary<string, int> { ["root"] = 0 };
        foreach (var s in sentences)
        {
            foreach (var w in s.Words)
            {
                tagIds.TryAdd((w.Upos, w.Xpos), tagIds.Count);
                labelIds.TryAdd(w.Relation, labelIds.Count);
            }
        }
        var upos = tagIds.OrderBy(p => p.Value).Select(p => p.Key.Item1).ToArray();
        var xpos = tagIds.OrderBy(p => p.Value).Select(p => p.Key.Item2).ToArray();
        var labels = labelIds.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
        var tagged = sentences.Select((s, i) => ToTagged(s, tagIds) with { Repeats = taggerRepeats[i] }).ToList();
        return new TrainingData(sentences, parserRepeats, tagged, upos, xpos, tagIds, labels, labelIds);
    }

    /// <summary>The tagger and lemmatiser, and the tags the parser learns from (jackknifed unless folds &lt; 2).</summary>
    private static (PosTagger Tagger, Lemmatizer Lemmatizer, int[][] ParserTags) TrainTagging(TrainingOptions options, TrainingData data)
    {
        var (tagged, upos, xpos, log) = (data.Tagged, data.Upos, data.Xpos, options.Log);
        if (options.TagCacheDirectory is { } cache && TagCache.TryLoad(cache, tagged.Count, out var cachedTagger, out var cachedLemmatizer, out var cachedTags))
        {
            log?.Invoke($"tagger, lemmatiser and jackknifed tags read from {cache}");
            return (cachedTagger, cachedLemmatizer, cachedTags);
        }
        var classes = upos.Length;
        var lemmatizer = Lemmatizer.Train(data.Sentences.SelectMany(s => s.Words).Select(w => (w.Form, w.Upos, w.Xpos, w.Lemma)));
        var first = PosTagger.TrainPass(tagged, classes, null, options.TaggerEpochs, options.Seed, options.Prune, options.MinFeatureCount, log, options.TaggerClusterTemplates);
        var folds = options.JackknifeFolds;
        if (folds < 2)
        {
            // No jackknifing: a one-pass tagger, and a parser trained on gold tags.
            return (new PosTagger(first, null, upos, xpos, options.TaggerClusterTemplates), lemmatizer, tagged.Select(t => t.Tags).ToArray());
        }

        // Jackknifing: every sentence gets tags from taggers that never saw it, as at run time. The
        // second pass learns from (jackknifed) first-pass tags; the parser from jackknifed final tags.
        var firstTags = Jackknife(tagged, folds, train => new PosTagger(PosTagger.TrainPass(train.Select(i => tagged[i]).ToList(), classes, null, options.TaggerEpochs, options.Seed + 1, options.Prune, options.MinFeatureCount, null, options.TaggerClusterTemplates), null, upos, xpos, options.TaggerClusterTemplates), log, "first pass");
        var second = PosTagger.TrainPass(tagged, classes, firstTags, options.TaggerEpochs, options.Seed + 2, options.Prune, options.MinFeatureCount, log, options.TaggerClusterTemplates);
        var finalTags = new int[tagged.Count][];
        for (var fold = 0; fold < folds; fold++)
        {
            var train = Enumerable.Range(0, tagged.Count).Where(i => i % folds != fold).ToList();
            var foldSecond = PosTagger.TrainPass(train.Select(i => tagged[i]).ToList(), classes, train.Select(i => firstTags[i]).ToArray(), options.TaggerEpochs, options.Seed + 3, options.Prune, options.MinFeatureCount, null, options.TaggerClusterTemplates);
            var foldTagger = new PosTagger(foldSecond, null, upos, xpos, options.TaggerClusterTemplates);
            for (var i = fold; i < tagged.Count; i += folds)
            {
                finalTags[i] = new int[tagged[i].Spans.Length];
                foldTagger.TagSecondPass(tagged[i].Text, tagged[i].Spans, firstTags[i], finalTags[i]);
            }
            log?.Invoke($"second pass jackknife fold {fold + 1}/{folds} tagged");
        }
        var tagger = new PosTagger(first, second, upos, xpos, options.TaggerClusterTemplates);
        if (options.TagCacheDirectory is { } directory) TagCache.Save(directory, tagger, lemmatizer, finalTags);
        return (tagger, lemmatizer, finalTags);
    }

    /// <summary>The punctuation step, learnt from the gold trees read with the parser's (jackknifed) tags.</summary>
    private static PunctuationAttacher TrainPunctuation(TrainingOptions options, TrainingData data, int[][] parserTags)
    {
        var examples = new List<PunctuationAttacher.Example>(data.Sentences.Count);
        for (var i = 0; i < data.Sentences.Count; i++)
        {
            if (GoldTree(data.Sentences[i], data.LabelIds) is not { } tree) continue;
            examples.Add(new PunctuationAttacher.Example(data.Tagged[i].Text, data.Tagged[i].Spans, parserTags[i], tree.Heads, tree.Labels, data.ParserRepeats[i]));
        }
        var vocabulary = new PunctuationAttacher.Vocabulary(data.Upos, data.Labels);
        return PunctuationAttacher.Train(examples, vocabulary, options.PunctuationEpochs, options.Seed, options.Log);
    }

    /// <summary>Tags of every sentence from a tagger trained on the other folds.</summary>
    private static int[][] Jackknife(List<TaggedSentence> tagged, int folds, Func<List<int>, PosTagger> train, Action<string>? log, string what)
    {
        var result = new int[tagged.Count][];
        for (var fold = 0; fold < folds; fold++)
        {
            var tagger = train(Enumerable.Range(0, tagged.Count).Where(i => i % folds != fold).ToList());
            for (var i = fold; i < tagged.Count; i += folds)
            {
                result[i] = new int[tagged[i].Spans.Length];
                tagger.Tag(tagged[i].Text, tagged[i].Spans, result[i]);
            }
            log?.Invoke($"{what} jackknife fold {fold + 1}/{folds} tagged");
        }
        return result;
    }

    private static ParserEnsemble TrainParser(TrainingOptions options, TrainingData data, int[][] parserTags)
    {
        var (labels, upos, log) = (data.Labels, data.Upos, options.Log);
        var parserSentences = new List<ParserSentence>(data.Tagged.Count);
        for (var i = 0; i < data.Tagged.Count; i++)
        {
            if (GoldTree(data.Sentences[i], data.LabelIds) is not { } tree) continue;
            parserSentences.Add(ToParserSentence(data.Tagged[i], parserTags[i], tree, data.ParserRepeats[i], options.Clusters));
        }
        AddSilver(options, data, parserSentences);
        var coarse = upos.Distinct().ToList();
        var coarseOfTag = upos.Select(u => coarse.IndexOf(u)).ToArray();
        DependencyParser Direction(List<ParserSentence> data, string name) =>
            DependencyParser.Train(data, labels, coarseOfTag, options.ParserEpochs, options.Seed, options.Prune, options.MinFeatureCount, log is null ? null : line => log($"{name} {line}"), options.ParserClusterTemplates ?? options.Clusters, options.ParserLabelSets ?? options.Clusters, clusterWords: options.Clusters);
        // The members learn independently (each its own trainer and random sequence), so training
        // them side by side gives the same models as one after the other.
        var graph = options.GraphParser
            ? Task.Run<GraphParser?>(() => GraphParser.Train(parserSentences, labels, coarseOfTag, coarse.ToArray(), options.GraphEpochs ?? options.ParserEpochs, options.Seed, options.Prune, options.MinFeatureCount, log, options.GraphMaxPairDistance ?? int.MaxValue))
            : Task.FromResult<GraphParser?>(null);
        var backward = options.Bidirectional
            ? Task.Run<DependencyParser?>(() => Direction(parserSentences.Select(Reversed).ToList(), "backward"))
            : Task.FromResult<DependencyParser?>(null);
        var forward = Direction(parserSentences, "forward");
        return new ParserEnsemble(forward, backward.Result, graph.Result, options.Combination);
    }

    private static ParserSentence ToParserSentence(TaggedSentence tagged, int[] tags, (int[] Heads, int[] Labels) tree, int repeats, bool clusters)
    {
        var words = new ulong[tags.Length];
        WordFeatures.LowerHashes(tagged.Text, tagged.Spans, words, clusters);
        return new ParserSentence(words, tags, Projectivizer.Lift(tree.Heads), tree.Labels, repeats);
    }

    /// <summary>
    /// The silver trees of <see cref="TrainingOptions.SilverFiles"/>, read with their own tags, appended to the
    /// parser's sentences; those with a tag or relation the gold data lacks, or that are not a tree, are skipped.
    /// </summary>
    private static void AddSilver(TrainingOptions options, TrainingData data, List<ParserSentence> parserSentences)
    {
        if (options.SilverFiles.Count == 0) return;
        var tagIds = data.TagIds;
        int added = 0, skipped = 0, words = 0;
        foreach (var s in options.SilverFiles.SelectMany(ConlluReader.ReadFile))
        {
            if (!s.Words.All(w => tagIds.ContainsKey((w.Upos, w.Xpos)) && data.LabelIds.ContainsKey(w.Relation)) || GoldTree(s, data.LabelIds) is not { } tree)
            {
                skipped++;
                continue;
            }
            var tagged = ToTagged(s, tagIds);
            parserSentences.Add(ToParserSentence(tagged, tagged.Tags, tree, 1, options.Clusters));
            added++;
            words += s.Words.Count;
        }
        options.Log?.Invoke($"silver trees: {added:N0} sentences ({words:N0} words) added, {skipped:N0} skipped");
    }

    /// <summary>The sentence read right to left: word d becomes word n+1-d.</summary>
    private static ParserSentence Reversed(ParserSentence s)
    {
        var n = s.Words.Length;
        var heads = new int[n + 1];
        var rels = new int[n + 1];
        heads[0] = -1;
        for (var d = 1; d <= n; d++)
        {
            heads[n + 1 - d] = s.Heads[d] == 0 ? 0 : n + 1 - s.Heads[d];
            rels[n + 1 - d] = s.Labels[d];
        }
        return new ParserSentence(s.Words.Reverse().ToArray(), s.Tags.Reverse().ToArray(), heads, rels, s.Repeats);
    }

    /// <summary>A sentence's gold tree: 1-based heads (index 0 = -1) and label ids; null when the heads do not form one tree.</summary>
    private static (int[] Heads, int[] Labels)? GoldTree(ConlluSentence s, Dictionary<string, int> labelIds)
    {
        var heads = new int[s.Words.Count + 1];
        var labels = new int[s.Words.Count + 1];
        for (var k = 0; k < s.Words.Count; k++)
        {
            heads[k + 1] = s.Words[k].Head;
            labels[k + 1] = labelIds[s.Words[k].Relation];
        }
        heads[0] = -1;
        return IsTree(heads) ? (heads, labels) : null;
    }

    /// <summary>True when heads (1-based, index 0 unused) form one tree rooted at a single word.</summary>
    private static bool IsTree(int[] heads)
    {
        var n = heads.Length - 1;
        var roots = 0;
        for (var d = 1; d <= n; d++)
        {
            if (heads[d] < 0 || heads[d] > n) return false;
            if (heads[d] == 0) roots++;
            var a = d;
            for (var steps = 0; a != 0; steps++)
            {
                if (steps > n) return false; // cycle
                a = heads[a];
            }
        }
        return roots == 1;
    }

    internal static TaggedSentence ToTagged(ConlluSentence s, Dictionary<(string, string), int> tagIds)
    {
        var (text, spans) = JoinWords(s);
        var tags = new int[s.Words.Count];
        for (var k = 0; k < tags.Length; k++) tags[k] = tagIds[(s.Words[k].Upos, s.Words[k].Xpos)];
        return new TaggedSentence(text, spans, tags);
    }

    /// <summary>The words of a sentence joined by spaces, with each word's span.</summary>
    public static (string Text, TextSpan[] Spans) JoinWords(ConlluSentence s)
    {
        var builder = new StringBuilder();
        var spans = new TextSpan[s.Words.Count];
        for (var k = 0; k < s.Words.Count; k++)
        {
            if (k > 0) builder.Append(' ');
            spans[k] = new TextSpan(builder.Length, builder.Length + s.Words[k].Form.Length);
            builder.Append(s.Words[k].Form);
        }
        return (builder.ToString(), spans);
    }
}
