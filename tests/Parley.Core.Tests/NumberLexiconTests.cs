using Parley.Core.Lexicon;

namespace Parley.Core.Tests;

public class NumberLexiconTests
{
    private static readonly NumberLexicon Lexicon = NumberLexicon.Default;

    [Theory]
    [InlineData("24", 24)]
    [InlineData("a", 1)]
    [InlineData("an", 1)]
    [InlineData("two", 2)]
    [InlineData("Twelve", 12)]
    [InlineData("fifteen", 15)]
    [InlineData("forty", 40)]
    [InlineData("twenty-one", 21)]
    [InlineData("ninety-nine", 99)]
    public void WholeNumber_reads_digits_cardinal_words_and_hyphenated_tens(string word, int expected) =>
        Assert.Equal(expected, Lexicon.WholeNumber(word));

    [Theory]
    [InlineData("second")]      // an ordinal ("the second day after")
    [InlineData("few")]         // a vague count
    [InlineData("half")]
    [InlineData("hundred")]     // a scale word alone
    [InlineData("twenty-first")]
    [InlineData("one-two")]
    [InlineData("2.5")]
    [InlineData("-3")]
    [InlineData("talks")]
    public void WholeNumber_is_null_for_words_that_are_not_a_whole_count(string word) =>
        Assert.Null(Lexicon.WholeNumber(word));

    [Theory]
    [InlineData("day", 3, 3)]
    [InlineData("weeks", 2, 14)]
    [InlineData("fortnight", 1, 14)]
    [InlineData("hours", 24, 1)]
    [InlineData("hrs", 36, 1)]
    [InlineData("hours", 23, 0)]
    [InlineData("minutes", 90, 0)]
    public void Fixed_length_units_convert_counts_to_whole_days(string unit, int count, int days) =>
        Assert.Equal(days, Lexicon.Units[unit].WholeDays(count));

    [Theory]
    [InlineData("months", "month")]
    [InlineData("years", "year")]
    [InlineData("business days", "businessday")]
    public void Units_of_varying_length_have_no_length_in_days(string name, string unit)
    {
        Assert.Equal(unit, Lexicon.Units[name].Unit);
        Assert.Null(Lexicon.Units[name].WholeDays(1));
    }

    [Fact]
    public void Only_clock_units_are_shorter_than_a_day() =>
        Assert.Equal(["hour", "minute", "second"], Lexicon.Units.Values.Where(u => u.ShorterThanADay).Select(u => u.Unit).Distinct().Order());

    [Fact]
    public void Number_words_keep_their_kind_for_the_temporal_reader()
    {
        Assert.Equal(new NumberWord(3, "ordinal"), Lexicon.Words["third"]);
        Assert.Equal(new NumberWord(1000, "scale"), Lexicon.Words["thousand"]);
        Assert.Equal(new NumberWord(3, "vague"), Lexicon.Words["several"]);
    }
}
