using System.IO.Compression;

namespace Parley.Syntax.Learning;

/// <summary>
/// A trained sparse linear classifier for inference: feature key -> (class, weight) entries, held in
/// flat arrays behind an open-addressing table so that scoring allocates nothing. Saved compactly:
/// keys delta-coded, weights as 16-bit floats.
/// </summary>
internal sealed class LinearModel
{
    private readonly ulong[] _slots;     // open-addressing table of keys; 0 = empty
    private readonly int[] _slotRow;     // row index of each slot
    private readonly int[] _rowStart;    // entries of row r are [_rowStart[r], _rowStart[r+1])
    private readonly ushort[] _class;
    private readonly float[] _weight;
    private readonly int _shift;
    private readonly float _scale;       // weights are multiples of this step, stored as integers

    private LinearModel(int classes, ulong[] keys, int[] rowStart, ushort[] cls, float[] weight, float scale)
    {
        Classes = classes;
        _scale = scale;
        _rowStart = rowStart;
        _class = cls;
        _weight = weight;
        var capacity = 16;
        while (capacity < keys.Length * 2) capacity *= 2;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        _slots = new ulong[capacity];
        _slotRow = new int[capacity];
        for (var r = 0; r < keys.Length; r++)
        {
            var s = Slot(keys[r]);
            while (_slots[s] != 0) s = (s + 1) & (capacity - 1);
            _slots[s] = keys[r];
            _slotRow[s] = r;
        }
        Keys = keys;
    }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Number of features kept.</summary>
    public int Features => Keys.Length;

    /// <summary>Number of non-zero weights.</summary>
    public int Weights => _weight.Length;

    private ulong[] Keys { get; }

    /// <summary>Weights are kept as multiples of this step: averaged perceptron weights are small
    /// (mostly below 8), so 1/16 keeps them exact enough and lets most be stored in one byte.</summary>
    public const float Step = 1f / 16;

    public static LinearModel Build(int classes, List<ulong> keys, List<(int Class, float Weight)[]> rows)
    {
        // Weights that round to zero are dropped.
        for (var r = rows.Count - 1; r >= 0; r--)
        {
            var kept = rows[r].Where(e => MathF.Round(e.Weight / Step) != 0).ToArray();
            if (kept.Length == rows[r].Length) continue;
            if (kept.Length == 0) { rows.RemoveAt(r); keys.RemoveAt(r); }
            else rows[r] = kept;
        }
        var start = new int[keys.Count + 1];
        var total = 0;
        for (var r = 0; r < rows.Count; r++) { start[r] = total; total += rows[r].Length; }
        start[keys.Count] = total;
        var cls = new ushort[total];
        var weight = new float[total];
        var i = 0;
        foreach (var row in rows)
        {
            // Rounded as it will be stored, so a model scores the same before and after saving.
            foreach (var (c, w) in row) { cls[i] = (ushort)c; weight[i] = MathF.Round(w / Step) * Step; i++; }
        }
        return new LinearModel(classes, keys.ToArray(), start, cls, weight, Step);
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>Sets <paramref name="scores"/> to the sum of the weights of <paramref name="features"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        var mask = _slots.Length - 1;
        foreach (var f in features)
        {
            var s = Slot(f);
            while (true)
            {
                var k = _slots[s];
                if (k == f)
                {
                    var row = _slotRow[s];
                    var end = _rowStart[row + 1];
                    for (var e = _rowStart[row]; e < end; e++) scores[_class[e]] += _weight[e];
                    break;
                }
                if (k == 0) break;
                s = (s + 1) & mask;
            }
        }
    }

    /// <summary>A copy without the weights smaller than <paramref name="minimum"/> in absolute value.</summary>
    public LinearModel Pruned(float minimum)
    {
        var keys = new List<ulong>();
        var rows = new List<(int, float)[]>();
        for (var r = 0; r < Keys.Length; r++)
        {
            var row = new List<(int, float)>();
            for (var e = _rowStart[r]; e < _rowStart[r + 1]; e++)
                if (Math.Abs(_weight[e]) >= minimum) row.Add((_class[e], _weight[e]));
            if (row.Count == 0) continue;
            keys.Add(Keys[r]);
            rows.Add(row.ToArray());
        }
        return Build(Classes, keys, rows);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes);
        writer.Write(_scale);
        writer.Write(Keys.Length);
        ulong previous = 0;
        for (var r = 0; r < Keys.Length; r++)
        {
            writer.Write7BitEncodedInt64((long)(Keys[r] - previous)); // keys are sorted: small deltas
            previous = Keys[r];
            var count = _rowStart[r + 1] - _rowStart[r];
            writer.Write7BitEncodedInt(count);
            var previousClass = 0;
            for (var e = _rowStart[r]; e < _rowStart[r + 1]; e++)
            {
                writer.Write7BitEncodedInt(_class[e] - previousClass); // classes ascend within a row
                previousClass = _class[e];
                var q = (int)MathF.Round(_weight[e] / _scale);
                writer.Write7BitEncodedInt((q << 1) ^ (q >> 31)); // zigzag: small magnitudes, one byte
            }
        }
    }

    public static LinearModel Read(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        var scale = reader.ReadSingle();
        var n = reader.ReadInt32();
        var keys = new ulong[n];
        var start = new int[n + 1];
        var cls = new List<ushort>(n * 4);
        var weight = new List<float>(n * 4);
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
                weight.Add(((z >> 1) ^ -(z & 1)) * scale);
            }
        }
        start[n] = cls.Count;
        return new LinearModel(classes, keys, start, cls.ToArray(), weight.ToArray(), scale);
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

    public static T Load<T>(Stream stream, string magic, Func<BinaryReader, T> read)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered);
        var found = reader.ReadString();
        if (found != magic) throw new InvalidDataException($"PARLEY-S002: expected a '{magic}' model, found '{found}'");
        return read(reader);
    }
}
