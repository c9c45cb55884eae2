using Parley.Syntax.Learning;
using Parley.Syntax.Tagging;

namespace Parley.Syntax.Training;

/// <summary>
/// The trained tagger, lemmatiser and jackknifed tags of one training run, kept on disk so that
/// parser experiments need not retrain the taggers (see <see cref="TrainingOptions.TagCacheDirectory"/>).
/// </summary>
internal static class TagCache
{
    private const string Magic = "parley-tag-cache-2";
    private const string File = "tag-cache.bin.gz";

    public static void Save(string directory, PosTagger tagger, Lemmatizer lemmatizer, int[][] tags) =>
        ModelFile.Save(Path.Combine(directory, File), Magic, w =>
        {
            w.Write((byte)tagger.Clusters);
            tagger.Write(w);
            lemmatizer.Write(w);
            w.Write(tags.Length);
            foreach (var sentence in tags)
            {
                w.Write7BitEncodedInt(sentence.Length);
                foreach (var t in sentence) w.Write7BitEncodedInt(t);
            }
        });

    public static bool TryLoad(string directory, int sentences, out PosTagger tagger, out Lemmatizer lemmatizer, out int[][] tags)
    {
        var path = Path.Combine(directory, File);
        tagger = null!;
        lemmatizer = null!;
        tags = [];
        if (!System.IO.File.Exists(path)) return false;
        using var stream = System.IO.File.OpenRead(path);
        (tagger, lemmatizer, tags) = ModelFile.Load(stream, Magic, r =>
        {
            var clusters = (TaggerClusters)r.ReadByte();
            var t = PosTagger.Read(r, clusters);
            var l = Lemmatizer.Read(r);
            var all = new int[r.ReadInt32()][];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = new int[r.Read7BitEncodedInt()];
                for (var k = 0; k < all[i].Length; k++) all[i][k] = r.Read7BitEncodedInt();
            }
            return (t, l, all);
        });
        if (tags.Length != sentences) throw new InvalidDataException($"PARLEY-S008: {path} holds tags of {tags.Length} sentences, the training data has {sentences}; delete the cache");
        return true;
    }
}
