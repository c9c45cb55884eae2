using Parley.Evaluation.Events;

namespace Parley.Evaluation.Tests;

public class PythonTextTests
{
    [Theory]
    [InlineData(0.125, "0.12")]   // exact tie: half to even
    [InlineData(0.375, "0.38")]
    [InlineData(0.005, "0.01")]   // stored a hair above 0.005
    [InlineData(0.015, "0.01")]   // stored a hair below 0.015
    [InlineData(2.0 / 3, "0.67")]
    [InlineData(1.0, "1.00")]
    [InlineData(0.0, "0.00")]
    public void Fixed_formats_like_python_format_spec(double value, string expected)
    {
        Assert.Equal(expected, PythonText.Fixed(value, 2));
    }

    [Theory]
    [InlineData(41.0, "41.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(-2.5, "-2.5")]
    public void Float_repr_is_pythons(double value, string expected)
    {
        Assert.Equal(expected, PythonText.FloatRepr(value));
    }

    [Theory]
    [InlineData("  A\u00a0\u201cB\u201d \u2014 C\u2019s\t\n", "a \"b\" - c's")]
    [InlineData("x\u001cy", "x y")]
    [InlineData("\u0130ZM\u0130R", "i\u0307zmi\u0307r")]
    [InlineData("\u039f\u0394\u039f\u03a3 \u03a3\u0391", "\u03bf\u03b4\u03bf\u03c2 \u03c3\u03b1")]
    public void Norm_folds_like_the_script(string input, string expected)
    {
        Assert.Equal(expected, PythonText.Norm(input));
    }
}
