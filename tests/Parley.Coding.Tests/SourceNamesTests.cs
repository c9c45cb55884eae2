using Parley.Coding.Events;

namespace Parley.Coding.Tests;

public class SourceNamesTests
{
    [Fact]
    public void A_family_name_beside_the_full_name_is_one_source()
    {
        Assert.Equal(["Truth Social", "Donald Trump"], SourceNames.Collapse(["Truth Social", "Trump", "Donald Trump"]));
    }

    [Fact]
    public void A_short_form_at_the_start_of_a_longer_name_is_the_same_source()
    {
        Assert.Equal(["Xinhua News Agency"], SourceNames.Collapse(["Xinhua", "Xinhua News Agency", "xinhua"]));
    }

    [Fact]
    public void Names_that_only_share_letters_stay_apart()
    {
        Assert.Equal(["Reuters", "AP", "APA"], SourceNames.Collapse(["Reuters", "AP", "APA"]));
    }
}
