using Parley.Core.Model;
using Parley.Syntax.Learning;

namespace Parley.Syntax.Parsing;

/// <summary>
/// Re-attaches punctuation after parsing. UD attaches a punctuation mark to the head of the phrase or
/// clause it belongs to (a comma between conjuncts to the following conjunct, paired quotes and brackets
/// to the head of what they enclose, the final full stop to the root), and never crossing another arc.
/// A greedy transition parser decides those heads early, with little sight of the phrase that ends
/// later, and gets about one mark in five wrong; here every mark is decided once the tree of the words
/// is finished: an averaged perceptron ranks the words it could attach to without crossing an arc
/// (Ma, Zhang and Zhu 2014 take punctuation out of parsing for the same reason). Only the heads of
/// words tagged PUNCT change, and only of those the parser gave no dependents.
/// </summary>
internal sealed class PunctuationAttacher
{
    /// <summary>The magic string of the model file.</summary>
    public const string Magic = "parley-punct-1";

    /// <summary>Sentences longer than this keep the parser's punctuation (the candidate search is quadratic in length).</summary>
    public const int MaxWords = 300;

    private const int Templates = 27;

    public PunctuationAttacher(LinearModel model) => Model = model;

    public LinearModel Model { get; }

    /// <summary>
    /// The names behind a parser's and a tagger's ids, hashed once: what <see cref="Attach"/> reads instead of strings.
    /// </summary>
    public sealed class Vocabulary
    {
        public Vocabulary(IReadOnlyList<string> upos, IReadOnlyList<string> relations)
        {
            TagIsPunct = upos.Select(u => u == "PUNCT").ToArray();
            TagHash = upos.Select(u => FeatureHash.Text(u, lower: false)).ToArray();
            // Features read the universal relation ("acl" for "acl:relcl"): subtypes are too rare to learn from here.
            RelationHash = relations.Select(r => FeatureHash.Text(Universal(r), lower: false)).ToArray();
            PunctLabel = relations.ToList().IndexOf("punct");
        }

        public bool[] TagIsPunct { get; }
        public ulong[] TagHash { get; }
        public ulong[] RelationHash { get; }

        /// <summary>The id of "punct", or -1 when the parser has no such relation (then nothing is re-attached).</summary>
        public int PunctLabel { get; }

        private static string Universal(string relation)
        {
            var colon = relation.IndexOf(':');
            return colon < 0 ? relation : relation[..colon];
        }
    }

    /// <summary>
    /// Re-attaches the punctuation of one parsed sentence in place: <paramref name="heads"/> and
    /// <paramref name="labels"/> are 1-based (0 = root) as the parsers give them.
    /// </summary>
    public void Attach(string text, ReadOnlySpan<TextSpan> spans, ReadOnlySpan<int> tags, Vocabulary vocabulary, PunctuationScratch scratch, Span<int> heads, Span<int> labels)
    {
        var n = spans.Length;
        if (n > MaxWords || vocabulary.PunctLabel < 0) return;
        var s = scratch;
        if (!s.Prepare(text, spans, tags, vocabulary, heads, labels)) return;
        Span<ulong> f = stackalloc ulong[Templates];
        Span<float> score = stackalloc float[1];
        for (var p = 1; p <= n; p++)
        {
            if (!s.Punct[p]) continue;
            var count = s.Candidates(p);
            if (count > 0) s.Heads[p] = Best(s, p, count, Model, f, score);
        }
        for (var d = 1; d <= n; d++)
        {
            heads[d] = s.Heads[d];
            if (s.Punct[d]) labels[d] = vocabulary.PunctLabel;
        }
    }

    /// <summary>The first of mark <paramref name="p"/>'s <paramref name="count"/> candidates that <paramref name="weights"/> score highest.</summary>
    private static int Best(PunctuationScratch s, int p, int count, IWeights weights, Span<ulong> f, Span<float> score)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        for (var k = 0; k < count; k++)
        {
            Extract(s, p, s.CandidateList[k], f);
            weights.Score(f, score);
            if (score[0] > bestScore) { bestScore = score[0]; best = s.CandidateList[k]; }
        }
        return best;
    }

    /// <summary>The features of attaching mark <paramref name="p"/> to word <paramref name="c"/>.</summary>
    internal static void Extract(PunctuationScratch s, int p, int c, Span<ulong> f)
    {
        var mark = s.Form[p];
        var right = c > p ? 1UL : 0UL;
        var b = FeatureHash.Key(0, mark, right);
        var tag = s.Tag[c];
        var rel = RelationOf(s, c);
        var l = s.Left[p];
        var r = s.Right[p];
        var inside = s.Low[c] < p && p < s.High[c] ? 1UL : 0UL;
        var adjacent = (c < p ? s.High[c] == l : s.Low[c] == r) ? 1UL : 0UL;
        var flankLeft = s.Flank(c, l);
        var flankRight = s.Flank(c, r);
        var final = r == 0 ? 1UL : 0UL;
        var isRoot = s.Heads[c] == 0 ? 1UL : 0UL;
        var match = s.MatchKind(p, c);
        var tagLeft = l == 0 ? NoneHash : s.Tag[l];
        var tagRight = r == 0 ? NoneHash : s.Tag[r];
        var relLeft = l == 0 ? NoneHash : RelationOf(s, l);
        var relRight = r == 0 ? NoneHash : RelationOf(s, r);
        var parentRel = s.Heads[c] == 0 ? NoneHash : RelationOf(s, s.Heads[c]);
        var headOfNeighbours = (r != 0 && s.Heads[r] == c ? 2UL : 0UL) | (l != 0 && s.Heads[l] == c ? 1UL : 0UL);
        var i = 0;
        f[i++] = b;
        f[i++] = FeatureHash.Key(1, b, tag);
        f[i++] = FeatureHash.Key(2, b, rel);
        f[i++] = FeatureHash.Key(3, b, tag, rel);
        f[i++] = FeatureHash.Key(4, b, c == l ? 1UL : 0UL);
        f[i++] = FeatureHash.Key(5, b, c == r ? 1UL : 0UL);
        f[i++] = FeatureHash.Key(6, b, (ulong)Bucket(c - p));
        f[i++] = FeatureHash.Key(7, b, inside, adjacent);
        f[i++] = FeatureHash.Key(8, b, flankLeft, flankRight);
        f[i++] = FeatureHash.Key(9, b, FeatureHash.Key(0, flankLeft, flankRight), rel);
        f[i++] = FeatureHash.Key(10, b, flankLeft);
        f[i++] = FeatureHash.Key(11, b, flankRight);
        f[i++] = FeatureHash.Key(12, b, isRoot);
        f[i++] = FeatureHash.Key(13, b, (ulong)Math.Min(s.Depth(c), 6));
        f[i++] = FeatureHash.Key(14, b, FeatureHash.Key(0, tagLeft, tagRight), tag);
        f[i++] = FeatureHash.Key(15, b, final, rel);
        f[i++] = FeatureHash.Key(16, b, final, isRoot);
        f[i++] = FeatureHash.Key(17, b, match);
        f[i++] = FeatureHash.Key(18, b, match, rel);
        f[i++] = FeatureHash.Key(19, b, FeatureHash.Key(0, relLeft, relRight), rel);
        f[i++] = FeatureHash.Key(20, b, FeatureHash.Key(0, inside, adjacent), rel);
        f[i++] = FeatureHash.Key(21, b, r == 0 ? NoneHash : s.Lower[r], rel);
        f[i++] = FeatureHash.Key(22, b, l == 0 ? NoneHash : s.Lower[l], rel);
        f[i++] = FeatureHash.Key(23, b, headOfNeighbours);
        f[i++] = FeatureHash.Key(24, b, parentRel, rel);
        f[i++] = FeatureHash.Key(25, b, FeatureHash.Key(0, tagRight, rel), flankRight);
        f[i] = FeatureHash.Key(26, b, FeatureHash.Key(0, tagLeft, rel), flankLeft);
    }

    /// <summary>Word <paramref name="x"/>'s relation in the words' tree, the root's read as such whatever its label.</summary>
    private static ulong RelationOf(PunctuationScratch s, int x) => s.Heads[x] == 0 ? RootHash : s.Relation[x];

    internal static readonly ulong RootHash = FeatureHash.Text("ROOT", lower: false);
    internal static readonly ulong NoneHash = FeatureHash.Text("-", lower: false) ^ 0x5555;

    private static int Bucket(int distance)
    {
        distance = Math.Abs(distance);
        return distance < 5 ? distance : distance < 8 ? 5 : distance < 15 ? 8 : 15;
    }

    /// <summary>Number of feature templates (the length of the span <see cref="Extract"/> fills).</summary>
    internal static int TemplateCount => Templates;

    /// <summary>One training sentence: its words, their (jackknifed) tags, and the gold tree (1-based heads and label ids, index 0 unused).</summary>
    public sealed record Example(string Text, TextSpan[] Spans, int[] Tags, int[] Heads, int[] Labels, int Repeats);

    /// <summary>
    /// Learns to rank the attachment points of each mark on gold trees: a ranking perceptron over the
    /// candidates (the gold head against the best-scoring wrong one), averaged, <paramref name="epochs"/>
    /// passes in an order shuffled by <paramref name="seed"/>. Marks whose gold head is not a candidate
    /// (attached to another mark, or crossing an arc) teach nothing.
    /// </summary>
    public static PunctuationAttacher Train(IReadOnlyList<Example> examples, Vocabulary vocabulary, int epochs, int seed, Action<string>? log)
    {
        var trainer = new PerceptronTrainer(1);
        var scratch = new PunctuationScratch();
        var order = examples.SelectMany((e, i) => Enumerable.Repeat(i, Math.Max(1, e.Repeats))).ToArray();
        var random = new Random(seed);
        Span<ulong> f = stackalloc ulong[Templates];
        Span<ulong> gold = stackalloc ulong[Templates];
        Span<float> score = stackalloc float[1];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            int right = 0, total = 0;
            foreach (var i in order)
            {
                var e = examples[i];
                if (e.Spans.Length > MaxWords || !scratch.Prepare(e.Text, e.Spans, e.Tags, vocabulary, e.Heads, e.Labels)) continue;
                for (var p = 1; p <= scratch.N; p++)
                {
                    if (!scratch.Punct[p]) continue;
                    var count = scratch.Candidates(p);
                    var truth = e.Heads[p];
                    if (count == 0 || scratch.CandidateList.AsSpan(0, count).IndexOf(truth) < 0) continue;
                    var best = Best(scratch, p, count, trainer, f, score);
                    total++;
                    if (best == truth) right++;
                    else
                    {
                        Extract(scratch, p, truth, gold);
                        Extract(scratch, p, best, f);
                        trainer.Add(gold, 0, 1);
                        trainer.Add(f, 0, -1);
                    }
                    trainer.Tick();
                }
            }
            log?.Invoke($"punctuation epoch {epoch}/{epochs}: training accuracy {(double)right / Math.Max(1, total):F4} over {total:N0} marks");
        }
        return new PunctuationAttacher(trainer.Average(0));
    }

    public void Write(BinaryWriter writer) => Model.Write(writer);

    public static PunctuationAttacher Read(BinaryReader reader) => new(LinearModel.Read(reader));
}
