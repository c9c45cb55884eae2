namespace Parley.Syntax.Learning;

/// <summary>
/// Multiclass averaged perceptron during training. Weights are sparse: each feature keeps a short
/// linked list of (class, weight) entries, so memory grows with the updates actually made rather
/// than features x classes. Averaging uses the "w - u/c" trick (Daumé): no per-weight timestamps.
/// </summary>
internal sealed class PerceptronTrainer : IWeights
{
    private readonly Dictionary<ulong, int> _features = new();
    private int[] _head = new int[1 << 16];
    private int[] _class = new int[1 << 18];
    private float[] _weight = new float[1 << 18];
    private double[] _update = new double[1 << 18];
    private int[] _next = new int[1 << 18];
    private int _entries;
    private long _instances = 1;

    private readonly HashSet<ulong>? _allowed;

    /// <summary>Creates a trainer; when <paramref name="allowed"/> is given, only those features ever get weights.</summary>
    public PerceptronTrainer(int classes, HashSet<ulong>? allowed = null)
    {
        Classes = classes;
        _allowed = allowed;
    }

    /// <summary>Features seen at least <paramref name="minimum"/> times in <paramref name="counts"/>.</summary>
    public static HashSet<ulong> Frequent(Dictionary<ulong, int> counts, int minimum) =>
        counts.Where(p => p.Value >= minimum).Select(p => p.Key).ToHashSet();

    public int Classes { get; }

    /// <summary>Adds the current (not averaged) weights of <paramref name="features"/> to <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            if (!_features.TryGetValue(f, out var id)) continue;
            for (var e = _head[id]; e >= 0; e = _next[e]) scores[_class[e]] += _weight[e];
        }
    }

    /// <summary>Moves weights towards <paramref name="truth"/> and away from <paramref name="guess"/>.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess) return;
        foreach (var f in features)
        {
            var id = Id(f);
            if (id < 0) continue;
            Add(id, truth, 1f);
            Add(id, guess, -1f);
        }
    }

    /// <summary>For a one-class model: the summed current weight of each group of <paramref name="groupSize"/> features.</summary>
    public void SumGroups(ReadOnlySpan<ulong> features, int groupSize, Span<float> sums)
    {
        Span<float> one = stackalloc float[Classes];
        for (var g = 0; g < features.Length / groupSize; g++)
        {
            Score(features.Slice(g * groupSize, groupSize), one);
            var sum = 0f;
            foreach (var w in one) sum += w;
            sums[g] = sum;
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the weight of class <paramref name="cls"/> of every feature (structured updates, where the right and wrong structures have different features).</summary>
    public void Add(ReadOnlySpan<ulong> features, int cls, float delta)
    {
        foreach (var f in features)
        {
            var id = Id(f);
            if (id >= 0) Add(id, cls, delta);
        }
    }

    /// <summary>The row of feature <paramref name="f"/>, created on first use; -1 when it may not get weights.</summary>
    private int Id(ulong f)
    {
        if (_features.TryGetValue(f, out var id)) return id;
        if (_allowed is not null && !_allowed.Contains(f)) return -1;
        id = _features.Count;
        _features[f] = id;
        if (id >= _head.Length) Array.Resize(ref _head, _head.Length * 2);
        _head[id] = -1;
        return id;
    }

    /// <summary>Counts one training instance (call once per decision, updated or not).</summary>
    public void Tick() => _instances++;

    private void Add(int id, int cls, float delta)
    {
        var e = _head[id];
        while (e >= 0 && _class[e] != cls) e = _next[e];
        if (e < 0)
        {
            if (_entries == _class.Length)
            {
                var size = _class.Length * 2;
                Array.Resize(ref _class, size);
                Array.Resize(ref _weight, size);
                Array.Resize(ref _update, size);
                Array.Resize(ref _next, size);
            }
            e = _entries++;
            _class[e] = cls;
            _weight[e] = 0;
            _update[e] = 0;
            _next[e] = _head[id];
            _head[id] = e;
        }
        _weight[e] += delta;
        _update[e] += _instances * (double)delta;
    }

    /// <summary>
    /// The averaged model; entries whose averaged weight is below <paramref name="prune"/> in absolute
    /// value are dropped (they barely change any decision and would only take space).
    /// </summary>
    public LinearModel Average(float prune)
    {
        var keys = new List<ulong>(_features.Count);
        var rows = new List<(int Class, float Weight)[]>(_features.Count);
        var row = new List<(int, float)>();
        foreach (var (key, id) in _features.OrderBy(p => p.Key))
        {
            row.Clear();
            for (var e = _head[id]; e >= 0; e = _next[e])
            {
                var avg = (float)(_weight[e] - _update[e] / _instances);
                if (Math.Abs(avg) >= prune && avg != 0) row.Add((_class[e], avg));
            }
            if (row.Count == 0) continue;
            row.Sort((a, b) => a.Item1.CompareTo(b.Item1));
            keys.Add(key);
            rows.Add(row.ToArray());
        }
        return LinearModel.Build(Classes, keys, rows);
    }
}
