namespace Parley.Cli.Tests;

public sealed class NearDuplicateTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    // Our own text: a wire story and a syndicated copy that changed the headline, the time and one phrase.
    private const string Body = """
        Kenya and Tanzania signed an agreement in Nairobi on Tuesday to reopen the Namanga border crossing, which has been closed to heavy trucks since 2021, officials from both governments said.

        Kenyan President William Ruto said the deal would cut waiting times for traders on both sides of the border and lower the price of food in the markets of Arusha and Nairobi.

        Tanzania's trade minister told reporters that customs officers from the two countries would share a single inspection post from next month, and that the two governments would review the arrangement after a year.

        Truck drivers' unions welcomed the agreement but warned that the road on the Tanzanian side still needed repairs before the rainy season.

        The crossing at Namanga is the busiest on the road that links the port of Mombasa with northern Tanzania, and before it closed it handled several hundred lorries a day carrying maize, cement and fuel.

        Traders in Arusha said the closure had forced them to send goods through the smaller Holili post, adding two days to each journey and raising transport costs by about a fifth.

        The two governments first announced talks on the crossing in January, after a meeting of East African Community trade ministers in Arusha agreed to remove barriers that slow the movement of goods within the bloc.

        Officials said a joint committee would meet every three months to check how the arrangement was working and to settle disputes over fees and inspections.
        """;

    [Fact]
    public void A_syndicated_copy_is_stored_linked_to_the_first_and_its_events_are_not_coded_twice()
    {
        _cli.Write("a-original.txt", "Kenya and Tanzania agree to reopen border crossing\n\nPublished March 14th, 2024 - 10:30 GMT\n" + Body);
        _cli.Write("b-copy.txt", "Border deal: Kenya, Tanzania to reopen Namanga crossing\n\nPublished March 14th, 2024 - 16:05 GMT\n"
                                 + Body.Replace("Truck drivers' unions", "Truckers' unions"));
        var folder = Path.Combine(_cli.Folder, "in");

        var ingest = _cli.Run("ingest", folder, "--db", _cli.Db);
        var events = _cli.Run("events", "--db", _cli.Db, "--format", "jsonl").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(0, ingest.Exit);
        Assert.Contains("stored 1,", ingest.Output);
        Assert.Contains("near duplicates 1", ingest.Output);
        Assert.Contains("b-copy.txt: article #2 is a copy of #1", ingest.Output);
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Contains("a-original.txt", e));
    }
}
