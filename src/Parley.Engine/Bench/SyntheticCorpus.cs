using System.Globalization;
using System.Text;
using Parley.Core.Data;
using Parley.Core.Model;

namespace Parley.Engine.Bench;

/// <summary>
/// Generates news-like articles from templates (Bench/Data) for throughput benchmarks. Seeded, so
/// the same seed gives the same corpus; the text is ours, not news.
/// </summary>
public sealed class SyntheticCorpus
{
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly Lazy<(string[] Templates, (string Phrase, string Capital)[] Actors)> Data = new(Load);

    private readonly Random _random;

    /// <summary>Creates a generator with a fixed seed.</summary>
    public SyntheticCorpus(int seed = 42) => _random = new Random(seed);

    /// <summary>Generates <paramref name="count"/> documents, lazily.</summary>
    public IEnumerable<Document> Generate(int count)
    {
        var (templates, actors) = Data.Value;
        var start = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var published = start.AddHours(_random.Next(0, 24 * 700));
            var paragraphs = new List<string>();
            var sentences = _random.Next(6, 15);
            var paragraph = new StringBuilder();
            for (var s = 0; s < sentences; s++)
            {
                var a = actors[_random.Next(actors.Length)];
                var b = actors[_random.Next(actors.Length)];
                var sentence = templates[_random.Next(templates.Length)]
                    .Replace("{A}", a.Phrase).Replace("{B}", b.Phrase).Replace("{PLACE}", b.Capital)
                    .Replace("{DAY}", Days[_random.Next(7)])
                    .Replace("{MONTH}", CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(_random.Next(1, 13)))
                    .Replace("{N}", _random.Next(2, 90).ToString(CultureInfo.InvariantCulture));
                if (paragraph.Length > 0) paragraph.Append(' ');
                paragraph.Append(char.ToUpperInvariant(sentence[0])).Append(sentence, 1, sentence.Length - 1);
                if (_random.Next(3) == 0)
                {
                    paragraphs.Add(paragraph.ToString());
                    paragraph.Clear();
                }
            }
            if (paragraph.Length > 0) paragraphs.Add(paragraph.ToString());
            yield return Document.FromParagraphs(paragraphs, new ArticleMetadata
            {
                Title = $"Synthetic article {i}", Published = published, PublishedSource = "generator", PathOrUrl = $"synthetic:{i}",
            });
        }
    }

    private static (string[], (string, string)[]) Load()
    {
        var assembly = typeof(SyntheticCorpus).Assembly;
        var templates = DataFile.ReadTsv(assembly, "Bench/Data/templates.tsv").Select(r => r["template"]).ToArray();
        var actors = DataFile.ReadTsv(assembly, "Bench/Data/actors.tsv").Select(r => (r["phrase"], r["capital"])).ToArray();
        return (templates, actors);
    }
}
