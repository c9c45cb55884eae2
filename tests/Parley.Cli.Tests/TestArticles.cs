namespace Parley.Cli.Tests;

/// <summary>Articles the CLI tests read, written for Parley in our own words.</summary>
internal static class TestArticles
{
    /// <summary>A short agreement story with a dateline, a reported statement and a "Subscribe" line.</summary>
    public const string KenyaTanzania = """
        Kenya and Tanzania agree to reopen border crossing

        Published March 14th, 2024 - 10:30 GMT
        Kenya and Tanzania signed an agreement in Nairobi on Tuesday to reopen a border crossing closed since 2021, officials said.

        Kenyan President William Ruto said the deal would help traders on both sides.

        Subscribe
        """;
}
