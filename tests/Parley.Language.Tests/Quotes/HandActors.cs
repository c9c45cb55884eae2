using System.Text.RegularExpressions;
using Parley.Core.Model;

namespace Parley.Language.Tests.Quotes;

/// <summary>
/// Actor mentions made by hand for the quote tests (the real ones come from ActorStage on another
/// branch): every whole-word occurrence of each name, longest names first, without overlaps.
/// </summary>
internal static class HandActors
{
    public sealed record Entry(string Text, string Name, string Country, string Sector, ActorKind Kind);

    public static void Add(Document doc, params Entry[] entries)
    {
        var taken = new List<TextSpan>();
        foreach (var e in entries.OrderByDescending(e => e.Text.Length))
        {
            foreach (Match m in Regex.Matches(doc.Text, $@"(?<!\w){Regex.Escape(e.Text)}(?!\w)"))
            {
                var span = new TextSpan(m.Index, m.Index + m.Length);
                if (taken.Any(t => t.Overlaps(span))) continue;
                taken.Add(span);
                doc.Actors.Add(new ActorMention
                {
                    Span = span, Text = m.Value, SentenceIndex = doc.SentenceAt(m.Index)?.Index ?? 0,
                    Kind = e.Kind, Country = e.Country, Sector = e.Sector, Name = e.Name,
                });
            }
        }
        doc.Actors.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        doc.MarkLayer(Layers.Actors);
    }

    public static readonly Entry[] Seed =
    [
        new("U.S. President Donald Trump", "Donald Trump", "USA", "GOV", ActorKind.Person),
        new("Trump", "Donald Trump", "USA", "GOV", ActorKind.Person),
        new("Chinese President Xi Jinping", "Xi Jinping", "CHN", "GOV", ActorKind.Person),
        new("Xi", "Xi Jinping", "CHN", "GOV", ActorKind.Person),
        new("White House", "The White House", "USA", "GOV", ActorKind.Organisation),
        new("China’s Xinhua News Agency", "Xinhua News Agency", "CHN", "MED", ActorKind.Organisation),
        new("Officials", "officials", "", "GOV", ActorKind.Description),
        new("Beijing", "China", "CHN", "GOV", ActorKind.Capital),
        new("U.S. officials", "U.S. officials", "USA", "GOV", ActorKind.Description),
    ];
}
