using Parley.Core.Lexicon;

namespace Parley.Core.Tests;

public class WeekdayNamesTests
{
    [Theory]
    [InlineData("Monday", 1)]
    [InlineData("tues", 2)]
    [InlineData("THURSDAY", 4)]
    [InlineData("sun", 7)]
    public void Names_and_abbreviations_give_the_ISO_day(string name, int day) => Assert.Equal(day, WeekdayNames.Days[name]);

    [Fact]
    public void Only_the_seven_full_names_are_never_everyday_words()
    {
        Assert.Equal(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], WeekdayNames.Unambiguous);
        Assert.Contains("wed", WeekdayNames.CommonWords);
    }
}
