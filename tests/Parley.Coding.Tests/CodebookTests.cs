using Parley.Coding.Cameo;
using Parley.Coding.Plover;

namespace Parley.Coding.Tests;

public sealed class CodebookTests
{
    private static readonly CameoCodebook Codebook = CameoCodebook.Default;

    [Fact]
    public void Holds_the_whole_CAMEO_codebook()
    {
        Assert.InRange(Codebook.Codes.Count, 280, 330);
    }

    [Theory]
    [InlineData("016", -2.0)]
    [InlineData("1241", -4.0)]
    [InlineData("165", -6.5)]
    [InlineData("130", -4.4)]
    [InlineData("057", 8.0)]
    [InlineData("0874", 10.0)]
    [InlineData("171", -9.2)]
    public void Goldstein_values_follow_GDELTs_published_scale(string code, double goldstein)
    {
        Assert.Equal(goldstein, Codebook.Lookup(code)!.Goldstein);
    }

    [Fact]
    public void Every_code_is_two_to_four_digits_under_a_root_01_to_20()
    {
        foreach (var c in Codebook.Codes)
        {
            Assert.Matches("^[0-9]{2,4}$", c.Code);
            Assert.InRange(int.Parse(c.Root), 1, 20);
        }
    }

    [Fact]
    public void Every_root_01_to_20_is_present_with_its_unspecified_code()
    {
        for (var root = 1; root <= 20; root++)
        {
            var r = root.ToString("00");
            Assert.NotNull(Codebook.Lookup(r));
            Assert.NotNull(Codebook.Lookup(r + "0"));
        }
    }

    [Fact]
    public void Every_sub_code_has_its_parent()
    {
        foreach (var c in Codebook.Codes.Where(c => c.Code.Length > 2))
            Assert.NotNull(Codebook.Lookup(c.Code[..^1]) ?? Codebook.Lookup(c.Code[..2]));
    }

    [Fact]
    public void Goldstein_scores_lie_between_minus_ten_and_ten()
    {
        Assert.All(Codebook.Codes, c => Assert.InRange(c.Goldstein, -10, 10));
    }

    [Fact]
    public void Quad_class_follows_the_root()
    {
        foreach (var c in Codebook.Codes)
        {
            var root = int.Parse(c.Root);
            var expected = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
            Assert.Equal(expected, c.QuadClass);
        }
    }

    [Fact]
    public void Every_code_has_a_PLOVER_2_type()
    {
        Assert.All(Codebook.Codes, c => Assert.Contains(c.Plover.Type, PloverMapping.Types));
    }

    [Theory]
    [InlineData("041", "Discuss by telephone", 1, "CONSULT", "phone")]
    [InlineData("163", "Impose embargo, boycott, or sanctions", 4, "SANCTION", "embargo")]
    [InlineData("0311", "Express intent to cooperate economically", 1, "AGREE", "cooperate")]
    [InlineData("193", "Fight with small arms and light weapons", 4, "ASSAULT", "firearms")]
    public void Lookup_gives_label_quad_class_and_PLOVER(string code, string label, int quad, string plover, string mode)
    {
        var c = Codebook.Lookup(code);
        Assert.NotNull(c);
        Assert.Equal(label, c.Label);
        Assert.Equal(quad, c.QuadClass);
        Assert.Equal(plover, c.Plover.Type);
        Assert.Equal(mode, c.Plover.Mode);
    }

    [Fact]
    public void Cooperation_scores_above_zero_and_violence_below()
    {
        Assert.True(Codebook.Lookup("057")!.Goldstein > 0);
        Assert.True(Codebook.Lookup("190")!.Goldstein <= -9);
        Assert.True(Codebook.Lookup("163")!.Goldstein < Codebook.Lookup("111")!.Goldstein);
    }

    [Fact]
    public void Unknown_codes_are_not_found()
    {
        Assert.Null(Codebook.Lookup("999"));
        Assert.Null(Codebook.Lookup(""));
    }
}
