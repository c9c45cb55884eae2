using System.IO.Compression;

namespace Parley.Syntax.Learning;

/// <summary>
/// A trained sparse linear classifier for inference: feature key -> (class, weight) entries, held in
/// flat arrays behind an open-addressing table so that scoring allocates nothing. Saved compactly:
/// keys delta-coded, weights as multiples of <see cref="Step"/>.
/// </summary>
internal sealed class LinearModel : IWeights
{
    // Scoring is bound by memory latency: each feature costs a slot load and a row load, so both are
    // packed small enough for much of the model to stay in cache, and the slot says where the row is
    // without a further load. A slot is one ulong: the 40-bit key above a 24-bit row reference
    // (0 = empty slot). Its top two bits give the row's kind and the other 22 its index:
    // - Sparse (00): the row starts at that index in _rows, a count followed by entries, each one int:
    //   class in the high 16 bits, weight / Step as a signed 16-bit integer below.
    // - Dense (10 = 8-bit in _narrow, when every weight fits; 11 = 16-bit in _dense): the index-th row
    //   of one weight per class, added with vector instructions. A feature with weights for many classes
    //   (a tag or a tag pair: such features fire at every step) is kept so; nearly nine in ten of a
    //   parser's hits are such rows, which is why they are found straight from the slot.
    // Scores are the same integer sums in every kind.
    private const int KeyShift = 24;
    private const int ReferenceMask = (1 << KeyShift) - 1;
    private const int IndexBits = KeyShift - 2;
    private const int MaxIndex = (1 << IndexBits) - 1;
    private const int Sparse = 0, Narrow = 2, Wide = 3;
    private readonly ulong[] _slots;
    private readonly int[] _rows;
    private readonly short[] _dense;
    private readonly sbyte[] _narrow;
    private readonly int _stride, _narrowStride;
    private readonly int _shift;

    private LinearModel(int classes, ulong[] keys, int[] rowStart, ushort[] cls, int[] quantised)
    {
        Classes = classes;
        Features = keys.Length;
        Weights = quantised.Length;
        _stride = (classes + VectorWidth - 1) / VectorWidth * VectorWidth;
        _narrowStride = (classes + NarrowWidth - 1) / NarrowWidth * NarrowWidth;
        // Dense pays once a row fills DenseShare of the classes; one-class models (the graph parser's
        // pair weights) never need it.
        var denseFrom = classes >= VectorWidth ? Math.Max(8, (int)(classes * DenseShare)) : int.MaxValue;
        var denseRows = 0;
        var narrowRows = 0;
        var sparseEntries = 0;
        // How each row is kept, decided once: Sparse, Narrow (dense 8-bit) or Wide (dense 16-bit).
        var kind = new int[keys.Length];
        for (var r = 0; r < keys.Length; r++)
        {
            var count = rowStart[r + 1] - rowStart[r];
            if (count < denseFrom) { sparseEntries += count; continue; }
            kind[r] = Narrow;
            for (var e = rowStart[r]; e < rowStart[r + 1]; e++)
                if (quantised[e] is < sbyte.MinValue or > sbyte.MaxValue) { kind[r] = Wide; break; }
            if (kind[r] == Narrow) narrowRows++;
            else denseRows++;
        }
        _rows = new int[keys.Length - narrowRows - denseRows + sparseEntries];
        _dense = new short[denseRows * _stride];
        _narrow = new sbyte[narrowRows * _narrowStride];
        var capacity = 16;
        while (capacity < keys.Length * SlotsPerFeature) capacity *= 2;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        _slots = new ulong[capacity];
        var at = 0;
        var dense = 0;
        var narrow = 0;
        for (var r = 0; r < keys.Length; r++)
        {
            var s = Slot(keys[r]);
            while (_slots[s] != 0) s = (s + 1) & (capacity - 1);
            if (kind[r] == Narrow)
            {
                _slots[s] = keys[r] << KeyShift | Reference(Narrow, narrow);
                for (var e = rowStart[r]; e < rowStart[r + 1]; e++) _narrow[narrow * _narrowStride + cls[e]] = (sbyte)quantised[e];
                narrow++;
                continue;
            }
            if (kind[r] == Wide)
            {
                _slots[s] = keys[r] << KeyShift | Reference(Wide, dense);
                for (var e = rowStart[r]; e < rowStart[r + 1]; e++) _dense[dense * _stride + cls[e]] = (short)quantised[e];
                dense++;
                continue;
            }
            _slots[s] = keys[r] << KeyShift | Reference(Sparse, at);
            _rows[at++] = rowStart[r + 1] - rowStart[r];
            for (var e = rowStart[r]; e < rowStart[r + 1]; e++) _rows[at++] = cls[e] << 16 | (ushort)(short)quantised[e];
        }
    }

    private static int VectorWidth => System.Numerics.Vector<short>.Count;

    private static int NarrowWidth => System.Numerics.Vector<sbyte>.Count;

    /// <summary>A slot's row reference: <paramref name="kind"/> in the top two bits, <paramref name="index"/> below.</summary>
    private static uint Reference(int kind, int index) =>
        index <= MaxIndex ? (uint)(kind << IndexBits | index) : throw new InvalidDataException("PARLEY-S009: model too large for its slot layout");

    /// <summary>The kind of row a reference points to: <see cref="Sparse"/>, <see cref="Narrow"/> or <see cref="Wide"/>.</summary>
    private static int KindOf(int reference) => reference >> IndexBits;

    /// <summary>Where a dense row's weights start: in _narrow for an 8-bit row, in _dense for a 16-bit one.</summary>
    private int DenseStart(int reference) =>
        (reference & MaxIndex) * (KindOf(reference) == Narrow ? _narrowStride : _stride);

    /// <summary>The weight of class <paramref name="c"/> in the dense row of <paramref name="reference"/>.</summary>
    private int DenseWeight(int reference, int c) =>
        KindOf(reference) == Narrow ? _narrow[DenseStart(reference) + c] : _dense[DenseStart(reference) + c];

    // Slots per feature, rounded up to a power of two; 1.5 saved memory but parsed ~10% slower.
    private const int SlotsPerFeature = 2;

    // Share of the classes from which a row is kept dense. Lower than the point where a dense row is no
    // larger than a sparse one (half the classes, at 2 bytes against 4 per entry): the vector adds of many
    // rows at once cost far less than scattered adds. Chosen on the four-member parser (bench-syntax, parse
    // alone, tokens per CPU-second, runs interleaved): none dense ~15,500, 0.3 ~28,000, 0.2 ~31,000, 0.1
    // 30,700-32,000, 0.05 32,000-32,200 with 10% more memory (99 MB against 90 MB).
    private const double DenseShare = 0.05;

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Number of features kept.</summary>
    public int Features { get; }

    /// <summary>Number of non-zero weights.</summary>
    public int Weights { get; }

    /// <summary>Weights are kept as multiples of this step: averaged perceptron weights are small
    /// (mostly below 8), so 1/16 keeps them exact enough and lets most be stored in one byte.</summary>
    public const float Step = 1f / 16;

    /// <summary>Largest weight magnitude kept (16-bit steps); larger ones are clipped.</summary>
    private const int MaxQuantised = short.MaxValue;

    private static int Quantise(float w) => (int)Math.Clamp(MathF.Round(w / Step), -MaxQuantised, MaxQuantised);

    public static LinearModel Build(int classes, List<ulong> keys, List<(int Class, float Weight)[]> rows)
    {
        // Weights that round to zero are dropped.
        for (var r = rows.Count - 1; r >= 0; r--)
        {
            var kept = rows[r].Where(e => Quantise(e.Weight) != 0).ToArray();
            if (kept.Length == rows[r].Length) continue;
            if (kept.Length == 0) { rows.RemoveAt(r); keys.RemoveAt(r); }
            else rows[r] = kept;
        }
        var start = new int[keys.Count + 1];
        var total = 0;
        for (var r = 0; r < rows.Count; r++) { start[r] = total; total += rows[r].Length; }
        start[keys.Count] = total;
        var cls = new ushort[total];
        var weight = new int[total];
        var i = 0;
        foreach (var row in rows)
        {
            // Rounded as it will be stored, so a model scores the same before and after saving.
            foreach (var (c, w) in row) { cls[i] = (ushort)c; weight[i] = Quantise(w); i++; }
        }
        return new LinearModel(classes, keys.ToArray(), start, cls, weight);
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>Sets <paramref name="scores"/> to the sum of the weights of <paramref name="features"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var slots = _slots;
        var rows = _rows;
        // Two phases: first find every feature's row (independent loads the processor overlaps),
        // then add the weights of the rows found.
        Span<int> starts = stackalloc int[features.Length];
        Span<int> first = stackalloc int[features.Length];
        // Every feature's slot is requested from memory before any is read, so the cache misses
        // overlap instead of queueing one behind another.
        for (var i = 0; i < features.Length; i++)
        {
            first[i] = Slot(features[i]);
            Prefetch(ref slots[first[i]]);
        }
        // Each row found is requested from memory as soon as its slot is read, before any row is read.
        var found = 0;
        Span<int> dense = stackalloc int[features.Length];
        Span<int> narrow = stackalloc int[features.Length];
        int denseCount = 0, narrowCount = 0;
        for (var i = 0; i < features.Length; i++)
        {
            var reference = RowOf(features[i], first[i]);
            if (reference < 0) continue;
            var kind = KindOf(reference);
            if (kind == Sparse)
            {
                Prefetch(ref rows[reference]);
                starts[found++] = reference;
                continue;
            }
            var at = DenseStart(reference);
            if (kind == Narrow)
            {
                narrow[narrowCount++] = at;
                for (var line = 0; line < _narrowStride; line += 64) Prefetch(ref _narrow[at + line]);
                continue;
            }
            dense[denseCount++] = at;
            for (var line = 0; line < _stride; line += 32) Prefetch(ref _dense[at + line]);
        }
        // Integer steps add exactly, in any order; one multiplication per class gives the weights' sum.
        Span<int> sums = stackalloc int[Math.Max(_stride, _narrowStride)];
        sums.Clear();
        AddDense(dense[..denseCount], sums);
        AddNarrow(narrow[..narrowCount], sums);
        ref var entries = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(rows);
        ref var sum = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(sums);
        for (var i = 0; i < found; i++)
        {
            var at = starts[i];
            var count = rows[at];
            // Class ids come from the model itself (below Classes <= the sums' length), so unchecked adds are safe.
            for (var e = at + 1; e <= at + count; e++)
            {
                var entry = System.Runtime.CompilerServices.Unsafe.Add(ref entries, e);
                System.Runtime.CompilerServices.Unsafe.Add(ref sum, entry >>> 16) += (short)entry;
            }
        }
        for (var c = 0; c < scores.Length; c++) scores[c] = sums[c] * Step;
    }

    /// <summary>
    /// Sets <paramref name="sums"/> to the sum of the dense rows starting at <paramref name="starts"/> in
    /// <see cref="_dense"/>: one vector of classes at a time across all the rows, so the running sums stay
    /// in registers, 16-bit weights widened to 32-bit sums.
    /// </summary>
    private void AddDense(ReadOnlySpan<int> starts, Span<int> sums)
    {
        var width = System.Numerics.Vector<short>.Count;
        var half = System.Numerics.Vector<int>.Count;
        ref var weights = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_dense);
        for (var v = 0; v < _stride; v += width)
        {
            var low = System.Numerics.Vector<int>.Zero;
            var high = System.Numerics.Vector<int>.Zero;
            foreach (var start in starts)
            {
                var row = System.Numerics.Vector.LoadUnsafe(ref weights, (nuint)(start + v));
                System.Numerics.Vector.Widen(row, out var l, out var h);
                low += l;
                high += h;
            }
            (new System.Numerics.Vector<int>(sums[v..]) + low).CopyTo(sums[v..]);
            (new System.Numerics.Vector<int>(sums[(v + half)..]) + high).CopyTo(sums[(v + half)..]);
        }
    }

    /// <summary>As <see cref="AddDense"/> for the 8-bit rows of <see cref="_narrow"/>, each byte widened twice.</summary>
    private void AddNarrow(ReadOnlySpan<int> starts, Span<int> sums)
    {
        if (starts.IsEmpty) return;
        var width = System.Numerics.Vector<sbyte>.Count;
        var quarter = System.Numerics.Vector<int>.Count;
        ref var weights = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_narrow);
        for (var v = 0; v < _narrowStride; v += width)
        {
            System.Numerics.Vector<int> a = default, b = default, c = default, d = default;
            foreach (var start in starts)
            {
                var row = System.Numerics.Vector.LoadUnsafe(ref weights, (nuint)(start + v));
                System.Numerics.Vector.Widen(row, out var low, out var high);
                System.Numerics.Vector.Widen(low, out var l1, out var l2);
                System.Numerics.Vector.Widen(high, out var h1, out var h2);
                a += l1; b += l2; c += h1; d += h2;
            }
            (new System.Numerics.Vector<int>(sums[v..]) + a).CopyTo(sums[v..]);
            (new System.Numerics.Vector<int>(sums[(v + quarter)..]) + b).CopyTo(sums[(v + quarter)..]);
            (new System.Numerics.Vector<int>(sums[(v + 2 * quarter)..]) + c).CopyTo(sums[(v + 2 * quarter)..]);
            (new System.Numerics.Vector<int>(sums[(v + 3 * quarter)..]) + d).CopyTo(sums[(v + 3 * quarter)..]);
        }
    }

    /// <summary>
    /// For a one-class model: <paramref name="sums"/>[g] = the summed weight of the features in group g,
    /// where features[g * groupSize .. (g + 1) * groupSize) form group g. Many groups are looked up
    /// together, so their cache misses overlap.
    /// </summary>
    public void SumGroups(ReadOnlySpan<ulong> features, int groupSize, Span<float> sums)
    {
        const int Chunk = 256;
        var slots = _slots;
        var rows = _rows;
        Span<int> first = stackalloc int[Chunk];
        Span<int> found = stackalloc int[Chunk];
        var groups = features.Length / groupSize;
        sums[..groups].Clear();
        for (var start = 0; start < features.Length; start += Chunk)
        {
            var count = Math.Min(Chunk, features.Length - start);
            for (var i = 0; i < count; i++)
            {
                first[i] = Slot(features[start + i]);
                Prefetch(ref slots[first[i]]);
            }
            for (var i = 0; i < count; i++)
            {
                found[i] = RowOf(features[start + i], first[i]);
                if (found[i] >= 0 && KindOf(found[i]) == Sparse) Prefetch(ref rows[found[i]]);
            }
            for (var i = 0; i < count; i++)
            {
                var at = found[i];
                if (at < 0) continue;
                var sum = 0;
                if (KindOf(at) != Sparse)
                {
                    for (var c = 0; c < Classes; c++) sum += DenseWeight(at, c);
                }
                else for (var e = at + 1; e <= at + rows[at]; e++) sum += (short)rows[e];
                sums[(start + i) / groupSize] += sum * Step;
            }
        }
    }

    /// <summary>The row reference of feature <paramref name="f"/>, probing from its home slot <paramref name="s"/>; -1 when the model lacks it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int RowOf(ulong f, int s)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        while (true)
        {
            var slot = slots[s];
            if (slot >> KeyShift == f) return (int)(slot & ReferenceMask);
            if (slot == 0) return -1;
            s = (s + 1) & mask;
        }
    }

    private static unsafe void Prefetch<T>(ref T at) where T : unmanaged
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(ref at));
    }

    /// <summary>Rows in key order (for saving and pruning): key, then (class, steps) entries.</summary>
    private IEnumerable<(ulong Key, (int Class, int Steps)[] Entries)> Rows()
    {
        var found = new List<(ulong Key, int At)>(Features);
        foreach (var slot in _slots) if (slot != 0) found.Add((slot >> KeyShift, (int)(slot & ReferenceMask)));
        found.Sort((a, b) => a.Key.CompareTo(b.Key));
        foreach (var (key, at) in found)
        {
            if (KindOf(at) != Sparse)
            {
                yield return (key, Enumerable.Range(0, Classes).Select(c => (c, DenseWeight(at, c))).Where(e => e.Item2 != 0).ToArray());
                continue;
            }
            var entries = new (int, int)[_rows[at]];
            for (var e = 0; e < entries.Length; e++) entries[e] = (_rows[at + 1 + e] >>> 16, (short)_rows[at + 1 + e]);
            yield return (key, entries);
        }
    }

    /// <summary>A copy without the weights smaller than <paramref name="minimum"/> in absolute value.</summary>
    public LinearModel Pruned(float minimum)
    {
        var keys = new List<ulong>();
        var rows = new List<(int, float)[]>();
        foreach (var (key, entries) in Rows())
        {
            var row = entries.Where(e => Math.Abs(e.Steps * Step) >= minimum).Select(e => (e.Class, e.Steps * Step)).ToArray();
            if (row.Length == 0) continue;
            keys.Add(key);
            rows.Add(row);
        }
        return Build(Classes, keys, rows);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes);
        writer.Write(Step);
        writer.Write(Features);
        ulong previous = 0;
        foreach (var (key, entries) in Rows())
        {
            writer.Write7BitEncodedInt64((long)(key - previous)); // keys are sorted: small deltas
            previous = key;
            writer.Write7BitEncodedInt(entries.Length);
            var previousClass = 0;
            foreach (var (c, q) in entries)
            {
                writer.Write7BitEncodedInt(c - previousClass); // classes ascend within a row
                previousClass = c;
                writer.Write7BitEncodedInt((q << 1) ^ (q >> 31)); // zigzag: small magnitudes, one byte
            }
        }
    }

    public static LinearModel Read(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        var scale = reader.ReadSingle();
        if (scale != Step) throw new InvalidDataException($"PARLEY-S002: weight step {scale}, expected {Step}");
        var n = reader.ReadInt32();
        var keys = new ulong[n];
        var start = new int[n + 1];
        var cls = new List<ushort>(n * 4);
        var weight = new List<int>(n * 4);
        ulong previous = 0;
        for (var r = 0; r < n; r++)
        {
            previous += (ulong)reader.Read7BitEncodedInt64();
            keys[r] = previous;
            start[r] = cls.Count;
            var count = reader.Read7BitEncodedInt();
            var previousClass = 0;
            for (var e = 0; e < count; e++)
            {
                previousClass += reader.Read7BitEncodedInt();
                cls.Add((ushort)previousClass);
                var z = reader.Read7BitEncodedInt();
                weight.Add(Math.Clamp((z >> 1) ^ -(z & 1), -MaxQuantised, MaxQuantised));
            }
        }
        start[n] = cls.Count;
        return new LinearModel(classes, keys, start, cls.ToArray(), weight.ToArray());
    }
}

/// <summary>Gzip'd binary files for models: a magic header, then the model's own content.</summary>
internal static class ModelFile
{
    public static void Save(string path, string magic, Action<BinaryWriter> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        Save(file, magic, write);
    }

    public static void Save(Stream stream, string magic, Action<BinaryWriter> write)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(magic);
        write(writer);
    }

    public static T Load<T>(Stream stream, string magic, Func<BinaryReader, T> read) =>
        Load(stream, [magic], (_, reader) => read(reader));

    /// <summary>Loads a file whose magic is one of <paramref name="magics"/> (older formats still read); <paramref name="read"/> gets the one found.</summary>
    public static T Load<T>(Stream stream, string[] magics, Func<string, BinaryReader, T> read)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered);
        var found = reader.ReadString();
        if (!magics.Contains(found)) throw new InvalidDataException($"PARLEY-S002: expected a '{magics[0]}' model, found '{found}'");
        return read(found, reader);
    }
}
