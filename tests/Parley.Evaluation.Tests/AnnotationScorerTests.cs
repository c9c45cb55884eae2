using Parley.Evaluation.Annotations;

namespace Parley.Evaluation.Tests;

public class AnnotationScorerTests
{
    private static readonly IReadOnlyList<Annotation> Gold =
    [
        new("001", "time", "Monday", 10, "2024-07-08"),
        new("001", "time", "last month", 80, "2024-06"),
        new("001", "time", "for years", 120, null),
        new("001", "actor", "Foreign Minister Wang Yi", 20, Code: "CHNGOV", Countries: ["CHN"]),
        new("001", "actor", "EU", 60, Code: "EUR", Countries: ["EUR", "EU", "IGO"]),
        new("001", "place", "Busan", 40, Countries: ["KOR"]),
        new("001", "place", "South China Sea", 140, Countries: null),
        new("001", "quote", "very good", 200, Speaker: "Donald Trump", SpeakerCountries: ["USA"]),
    ];

    [Fact]
    public void Gold_scored_against_itself_is_perfect_on_every_layer()
    {
        var score = AnnotationScorer.Score(Gold, Gold);
        Assert.All(score.Layers, l => Assert.Equal((1.0, 1.0, 1.0), (l.Precision, l.Recall, l.F1)));
        Assert.Equal(["time", "actor", "place", "quote"], score.Layers.Select(l => l.Layer));
    }

    [Fact]
    public void Spans_match_by_containment_and_overlap_so_prepositions_and_titles_do_not_matter()
    {
        var produced = new List<Annotation>
        {
            new("001", "time", "on Monday", 7, "2024-07-08"),
            new("001", "actor", "Wang Yi", 37, Code: "CHNGOV"),
            new("001", "actor", "the EU", 56, Countries: ["EU"]),
        };
        var score = AnnotationScorer.Score(Gold, produced);
        Assert.Equal((1, 1), (score["time"]!.ValueMatched, score["time"]!.Produced));
        Assert.Equal(2, score["actor"]!.ValueMatched);
        Assert.Equal(1.0, score["actor"]!.Precision);
        Assert.Equal(1.0, score["actor"]!.Recall);
    }

    [Fact]
    public void A_mention_elsewhere_in_the_article_does_not_match_even_with_the_same_text()
    {
        var produced = new List<Annotation> { new("001", "time", "Monday", 500, "2024-07-08") };
        var score = AnnotationScorer.Score(Gold, produced);
        Assert.Equal(0, score["time"]!.SpanMatched);
        Assert.Contains(score.Alignments, a => a.Outcome == AnnotationOutcome.Spurious);
    }

    [Fact]
    public void A_wrong_value_counts_for_the_span_but_not_for_the_value()
    {
        var produced = new List<Annotation>
        {
            new("001", "time", "Monday", 10, "2024-07-15"),
            new("001", "time", "for years", 120, "P3Y"),
            new("001", "place", "Busan", 40, Countries: ["PRK"]),
        };
        var score = AnnotationScorer.Score(Gold, produced);
        var time = score["time"]!;
        Assert.Equal((2, 1), (time.SpanMatched, time.ValueMatched)); // a null gold value scores the span only
        Assert.Equal(0.5, time.ValueAccuracy);
        Assert.Equal((1, 0), (score["place"]!.SpanMatched, score["place"]!.ValueMatched));
        Assert.Contains(score.Alignments, a => a.Outcome == AnnotationOutcome.WrongValue && a.Gold!.Text == "Busan");
    }

    [Fact]
    public void Places_without_a_country_and_quotes_by_surname_or_country_match()
    {
        var produced = new List<Annotation>
        {
            new("001", "place", "South China Sea", 140, Countries: ["CHN"]),
            new("001", "quote", "\u201cvery good\u201d", 199, Speaker: "Trump"),
        };
        var score = AnnotationScorer.Score(Gold, produced);
        Assert.Equal(1, score["place"]!.ValueMatched);
        Assert.Equal(1, score["quote"]!.ValueMatched);
        var byCountry = AnnotationScorer.Score(Gold, [new("001", "quote", "very good", 200, Speaker: "the U.S. president", SpeakerCountries: ["USAGOV"])]);
        Assert.Equal(1, byCountry["quote"]!.ValueMatched);
        var wrong = AnnotationScorer.Score(Gold, [new("001", "quote", "very good", 200, Speaker: "Xi Jinping")]);
        Assert.Equal((1, 0), (wrong["quote"]!.SpanMatched, wrong["quote"]!.ValueMatched));
    }

    [Fact]
    public void Unannotated_articles_and_unnamed_actor_mentions_are_out_of_scope()
    {
        var produced = new List<Annotation>
        {
            new("999", "time", "Friday", 3, "2020-01-03"),
            new("001", "actor", "police", 300, Code: "CHNCOP"),
            new("001", "actor", "Reuters", 310, Code: "GBRMED"),
        };
        var score = AnnotationScorer.Score(Gold, produced);
        Assert.Equal(2, score.Ignored);
        Assert.Equal(1, score["actor"]!.Produced);
        var strict = AnnotationScorer.Score(Gold, produced, new AnnotationScoringOptions { NamedActorsOnly = false });
        Assert.Equal(2, strict["actor"]!.Produced);
    }

    [Fact]
    public void Pairing_is_one_to_one()
    {
        var produced = new List<Annotation> { new("001", "time", "Monday", 10, "2024-07-08"), new("001", "time", "Monday", 10, "2024-07-08") };
        var time = AnnotationScorer.Score(Gold, produced)["time"]!;
        Assert.Equal((1, 2), (time.ValueMatched, time.Produced));
        Assert.Equal(0.5, time.Precision);
    }

    [Fact]
    public void Report_prints_one_line_per_layer()
    {
        var table = AnnotationScoreReport.Table(AnnotationScorer.Score(Gold, Gold));
        Assert.Contains("time    1.00       1.00    1.00", table);
        Assert.Equal(5, table.Trim().Split('\n').Length);
    }

    [Fact]
    public void Malformed_annotation_lines_name_the_file_and_line()
    {
        var e = Assert.Throws<FormatException>(() => Annotation.Parse(["{\"article\": \"001\", \"layer\": \"time\"}"], "a.jsonl"));
        Assert.StartsWith("PARLEY-EVAL003: a.jsonl:1: \"text\" is missing", e.Message);
    }
}

public class AnnotationOptionsAndAdapterTests
{
    [Fact]
    public void Titles_and_captions_can_be_left_out_when_the_pipeline_keeps_them_apart()
    {
        IReadOnlyList<Annotation> gold =
        [
            new("001", "actor", "Japan", 0, Code: "JPN", Countries: ["JPN"], Part: "title"),
            new("001", "actor", "Japan", 90, Code: "JPN", Countries: ["JPN"]),
        ];
        var produced = new List<Annotation> { new("001", "actor", "Japan", 0, Countries: ["JPN"]), new("001", "actor", "Japan", 90, Countries: ["JPN"]) };
        var bodyOnly = AnnotationScorer.Score(gold, produced.Skip(1).ToList(), new AnnotationScoringOptions { IncludeTitles = false });
        Assert.Equal((1.0, 1.0), (bodyOnly["actor"]!.Precision, bodyOnly["actor"]!.Recall));
        var titleProducedAnyway = AnnotationScorer.Score(gold, produced, new AnnotationScoringOptions { IncludeTitles = false });
        Assert.Equal((1, 1), (titleProducedAnyway.Ignored, titleProducedAnyway["actor"]!.Produced));
        Assert.Equal(0.5, AnnotationScorer.Score(gold, produced.Skip(1).ToList())["actor"]!.Recall);
    }

    [Fact]
    public void A_document_becomes_annotations_with_offsets_in_the_source_file()
    {
        const string source = "Title line\n\nPublished May 1st, 2024 - 10:00 GMT\nChina met Japan on Monday.\n";
        var document = new Parley.Core.Model.Document("China met Japan on Monday.");
        document.Sentences.Add(new Parley.Core.Model.Sentence(document, 0, new Parley.Core.Model.TextSpan(0, 26), 0));
        document.Actors.Add(new Parley.Core.Model.ActorMention { Span = new(10, 15), Text = "Japan", SentenceIndex = 0, Kind = Parley.Core.Model.ActorKind.Country, Country = "JPN", Name = "Japan" });
        document.Times.Add(new Parley.Core.Model.TimeMention { Span = new(19, 25), Text = "Monday", SentenceIndex = 0, Value = "2024-04-29" });
        var annotations = DocumentAnnotations.FromDocument(document, "001", source);
        var japan = Assert.Single(annotations, a => a.Layer == "actor");
        Assert.Equal("Japan", source.Substring(japan.Start!.Value, 5));
        Assert.Equal(["JPN"], japan.Countries);
        Assert.Equal("2024-04-29", Assert.Single(annotations, a => a.Layer == "time").Value);
    }
}
