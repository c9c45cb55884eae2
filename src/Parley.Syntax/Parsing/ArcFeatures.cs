using Parley.Syntax.Learning;

namespace Parley.Syntax.Parsing;

/// <summary>
/// The features of every possible arc head -> dependent of one sentence for <see cref="GraphParser"/>,
/// prepared once per sentence so that scoring the n² arcs costs little: each word's values (form,
/// tag, coarse tag, neighbours' tags) and, per template, the hashed head half and dependent half of
/// the arc features, which <see cref="Pair"/> joins with one mixing step per feature.
/// </summary>
/// <remarks>
/// Two kinds of features (McDonald, Crammer and Pereira 2005, first order): "side" features describe
/// one end of the arc only and are conjoined with the other end's coarse tag, the direction and the
/// distance through the class index (<see cref="SideClass"/>), so one model lookup per word scores
/// that word's side of all its arcs; "pair" features describe both ends at once (words, tags, the
/// tags beside each end, what lies between) and are looked up per arc.
/// </remarks>
internal sealed class ArcFeatures
{
    /// <summary>Side templates per word (as a head, and separately as a dependent).</summary>
    public const int SideTemplates = 9;

    /// <summary>Pair templates per arc.</summary>
    public const int PairTemplates = 13;

    /// <summary>Direction x distance classes: 6 distance buckets for each direction, and one for arcs from the root.</summary>
    public const int DistanceClasses = 13;

    private const ulong None = 0, RootValue = 1;

    // Values of word x (0 = root, 1..n) at [x + 1]; [0] and [n + 2] stand for outside the sentence.
    private ulong[] _w = [], _t = [], _u = [];
    private int[] _coarse = [];
    // Prefix counts over words 1..x at [x]: verbs, punctuation, coordinating conjunctions.
    private int[] _verbs = [], _puncts = [], _conjs = [];
    private ulong[] _headSide = [], _depSide = [], _headPart = [], _depPart = [];
    // The coarse classes strictly between words lo < hi, one bit each, at [lo * (n + 1) + hi].
    private int[] _between = [];

    /// <summary>Words in the sentence.</summary>
    public int N { get; private set; }

    /// <summary>Number of coarse (UPOS) classes; the root is class <see cref="Root"/> = this value.</summary>
    public int Root { get; private set; }

    /// <summary>Prepares the features of a sentence: per-word form hashes and joint tag ids (index 0 = first word).</summary>
    /// <param name="words">Lower-case form hashes.</param>
    /// <param name="tags">Joint tag ids.</param>
    /// <param name="coarse">Coarse (UPOS) class of each tag id.</param>
    /// <param name="coarseCount">Number of coarse classes.</param>
    /// <param name="kinds">The coarse classes counted between the ends of an arc: verb, punctuation, coordinating conjunction (-1 = none).</param>
    public void Load(ReadOnlySpan<ulong> words, ReadOnlySpan<int> tags, int[] coarse, int coarseCount, (int Verb, int Punct, int Conj) kinds)
    {
        var n = words.Length;
        N = n;
        Root = coarseCount;
        if (_w.Length < n + 3)
        {
            var size = Math.Max(64, 2 * (n + 3));
            _w = new ulong[size]; _t = new ulong[size]; _u = new ulong[size]; _coarse = new int[size];
            _verbs = new int[size]; _puncts = new int[size]; _conjs = new int[size];
            _headSide = new ulong[size * SideTemplates]; _depSide = new ulong[size * SideTemplates];
            _headPart = new ulong[size * PairTemplates]; _depPart = new ulong[size * PairTemplates];
        }
        _w[0] = _t[0] = _u[0] = None;
        _w[1] = _t[1] = _u[1] = RootValue;
        _w[n + 2] = _t[n + 2] = _u[n + 2] = None;
        _coarse[1] = coarseCount;
        for (var i = 0; i < n; i++)
        {
            var c = coarse[tags[i]];
            _w[i + 2] = words[i];
            _t[i + 2] = (ulong)tags[i] + 2;
            _u[i + 2] = (ulong)c + 2;
            _coarse[i + 2] = c;
            _verbs[i + 1] = _verbs[i] + (c == kinds.Verb ? 1 : 0);
            _puncts[i + 1] = _puncts[i] + (c == kinds.Punct ? 1 : 0);
            _conjs[i + 1] = _conjs[i] + (c == kinds.Conj ? 1 : 0);
        }
        for (var x = 0; x <= n; x++) Prepare(x);
        var m = n + 1;
        if (_between.Length < m * m) _between = new int[Math.Max(4096, 4 * m * m)];
        for (var lo = 1; lo <= n; lo++)
        {
            var mask = 0;
            for (var hi = lo + 1; hi <= n; hi++)
            {
                _between[lo * m + hi] = mask;
                mask |= 1 << _coarse[hi + 1];
            }
        }
    }

    /// <summary>Form hash of word x (-1 and n + 1 = outside the sentence, 0 = root).</summary>
    public ulong W(int x) => _w[x + 1];

    /// <summary>Tag value of word x (tag id + 2; 0 outside, 1 root).</summary>
    public ulong T(int x) => _t[x + 1];

    /// <summary>Coarse tag value of word x (class + 2; 0 outside, 1 root).</summary>
    public ulong U(int x) => _u[x + 1];

    /// <summary>Coarse class of word x; <see cref="Root"/> for the root.</summary>
    public int Coarse(int x) => _coarse[x + 1];

    /// <summary>The side features of word x as a head.</summary>
    public ReadOnlySpan<ulong> HeadSide(int x) => _headSide.AsSpan(x * SideTemplates, SideTemplates);

    /// <summary>The side features of word x as a dependent.</summary>
    public ReadOnlySpan<ulong> DependentSide(int x) => _depSide.AsSpan(x * SideTemplates, SideTemplates);

    /// <summary>Direction and distance class of arc h -> d: 0-5 head on the left (distance 1, 2, 3, 4-5, 6-10, 11+), 6-11 on the right, 12 from the root.</summary>
    public static int Distance(int h, int d)
    {
        if (h == 0) return DistanceClasses - 1;
        var length = Math.Abs(h - d);
        var bucket = length switch { 1 => 0, 2 => 1, 3 => 2, <= 5 => 3, <= 10 => 4, _ => 5 };
        return (h < d ? 0 : 6) + bucket;
    }

    /// <summary>The class a side feature of one end takes for an arc whose other end has coarse class <paramref name="otherCoarse"/>.</summary>
    public static int SideClass(int otherCoarse, int distance) => otherCoarse * DistanceClasses + distance;

    /// <summary>Number of side classes for <paramref name="coarseCount"/> coarse tags (the root included).</summary>
    public static int SideClasses(int coarseCount) => (coarseCount + 1) * DistanceClasses;

    /// <summary>Writes the <see cref="PairTemplates"/> pair features of arc h -> d into <paramref name="f"/>.</summary>
    public void Pair(int h, int d, Span<ulong> f)
    {
        var distance = (ulong)Distance(h, d);
        var direction = distance / 6;
        var (lo, hi) = h < d ? (h, d) : (d, h);
        // What lies strictly between the two ends, counts capped at 2.
        var between = h == 0 ? 0UL : (ulong)(Math.Min(_verbs[hi - 1] - _verbs[lo], 2) * 9 + Math.Min(_puncts[hi - 1] - _puncts[lo], 2) * 3 + Math.Min(_conjs[hi - 1] - _conjs[lo], 2));
        var hp = _headPart.AsSpan(h * PairTemplates, PairTemplates);
        var dp = _depPart.AsSpan(d * PairTemplates, PairTemplates);
        f[0] = FeatureHash.Join(hp[0], dp[0], direction);
        f[1] = FeatureHash.Join(hp[1], dp[1], distance);
        f[2] = FeatureHash.Join(hp[2], dp[2], distance);
        f[3] = FeatureHash.Join(hp[3], dp[3], distance);
        f[4] = FeatureHash.Join(hp[4], dp[4], direction);
        f[5] = FeatureHash.Join(hp[5], dp[5], direction);
        f[6] = FeatureHash.Join(hp[6], dp[6], direction);
        f[7] = FeatureHash.Join(hp[7], dp[7], direction);
        f[8] = FeatureHash.Join(hp[8], dp[8], direction);
        f[9] = FeatureHash.Join(hp[9], dp[9], distance + 16 * between);
        f[10] = FeatureHash.Join(hp[10], dp[10], distance);
        f[11] = FeatureHash.Join(hp[11], dp[11], distance);
        f[12] = FeatureHash.Join(hp[12], dp[12], h == 0 ? direction : direction + 3 * (ulong)_between[lo * (N + 1) + hi]);
    }

    // What each pair template reads of the head and of the dependent: the word (W), its tag (T) or coarse
    // tag (U), the coarse tag on its left (L) or right (R); '-' nothing. Template k joins HeadHalves[k] and
    // DependentHalves[k] with the arc's direction or distance (see Pair): e.g. 5-8 are the tags beside
    // both ends (McDonald et al. 2005), 9 the coarse tags with counts of what lies between, 12 with the
    // set of coarse tags between (a cheap stand-in for McDonald's one feature per word between).
    private static readonly (char A, char B)[] HeadHalves =
        [('W', '-'), ('W', '-'), ('T', '-'), ('T', '-'), ('W', 'T'), ('T', 'R'), ('T', 'L'), ('T', 'R'), ('T', 'L'), ('U', '-'), ('W', 'T'), ('T', '-'), ('U', '-')];
    private static readonly (char A, char B)[] DependentHalves =
        [('W', '-'), ('T', '-'), ('W', '-'), ('T', '-'), ('W', 'T'), ('T', 'L'), ('T', 'L'), ('T', 'R'), ('T', 'R'), ('U', '-'), ('T', '-'), ('W', 'T'), ('U', '-')];

    private static ulong Value(char what, ulong w, ulong t, ulong u, ulong ul, ulong ur) => what switch
    {
        'W' => w,
        'T' => t,
        'U' => u,
        'L' => ul,
        'R' => ur,
        _ => 0,
    };

    private void Prepare(int x)
    {
        ulong w = W(x), t = T(x), u = U(x), tl = T(x - 1), tr = T(x + 1), ul = U(x - 1), ur = U(x + 1);
        var head = _headSide.AsSpan(x * SideTemplates, SideTemplates);
        var dep = _depSide.AsSpan(x * SideTemplates, SideTemplates);
        // Template ids: head side 0-8, dependent side 20-28, pair head halves 40-51, dependent halves 60-71.
        for (var side = 0; side < 2; side++)
        {
            var f = side == 0 ? head : dep;
            var b = side * 20;
            f[0] = FeatureHash.Key(b + 0, 0);
            f[1] = FeatureHash.Key(b + 1, w);
            f[2] = FeatureHash.Key(b + 2, t);
            f[3] = FeatureHash.Key(b + 3, w, t);
            f[4] = FeatureHash.Key(b + 4, t, tl);
            f[5] = FeatureHash.Key(b + 5, t, tr);
            f[6] = FeatureHash.Key(b + 6, tl, t, tr);
            f[7] = FeatureHash.Key(b + 7, u);
            f[8] = FeatureHash.Key(b + 8, ul, u, ur);
        }
        var hp = _headPart.AsSpan(x * PairTemplates, PairTemplates);
        var dp = _depPart.AsSpan(x * PairTemplates, PairTemplates);
        for (var k = 0; k < PairTemplates; k++)
        {
            hp[k] = FeatureHash.Key(40 + k, Value(HeadHalves[k].A, w, t, u, ul, ur), Value(HeadHalves[k].B, w, t, u, ul, ur));
            dp[k] = FeatureHash.Key(60 + k, Value(DependentHalves[k].A, w, t, u, ul, ur), Value(DependentHalves[k].B, w, t, u, ul, ur));
        }
    }
}
