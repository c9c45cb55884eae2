using Parley.Ingest.Text;

namespace Parley.Ingest.Html;

/// <summary>
/// A paragraph printed a second time in one body is a repeated call to action ("Get our deals texted to
/// your phone!"), a form note, or the copy of a block that the page ships once per screen size: the
/// repeat is dropped, the first kept. Short lines (table cells, "Yes", "Step 2") legitimately repeat and
/// are left alone.
/// </summary>
public static class RepeatedParagraphs
{
    /// <summary>A paragraph needs at least this many words for its repeat to be dropped.</summary>
    public const int MinWords = 8;

    /// <summary>Removes from <paramref name="paragraphs"/> every later copy of a paragraph of <see cref="MinWords"/>+ words, noting it in <paramref name="removed"/>.</summary>
    public static void Drop(List<string> paragraphs, List<string> removed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        paragraphs.RemoveAll(p =>
        {
            if (TextNormalizer.WordCount(p) < MinWords || seen.Add(TextNormalizer.Key(p))) return false;
            removed.Add("repeated: " + ArticleEnd.Short(p));
            return true;
        });
    }
}
