using Parley.Ingest.Languages;

namespace Parley.Ingest.Tests;

public class LanguageGuesserTests
{
    [Theory]
    [InlineData("en", "The union said the strike would last 48 hours and that further action was possible if the talks with the port fail.")]
    [InlineData("fr", "Les dockers de Marseille ont cessé le travail mardi pour protester contre la réforme, a indiqué le syndicat dans un communiqué.")]
    [InlineData("de", "Die Hafenarbeiter in Hamburg haben am Montag die Arbeit niedergelegt, weil sie mit dem Angebot nicht zufrieden sind und mehr Lohn wollen.")]
    [InlineData("es", "Los trabajadores del puerto de Valencia iniciaron una huelga el lunes para protestar contra los planes de automatización de la terminal.")]
    [InlineData("zh", "三国领导人星期四同意共享水坝放水数据，结束了持续两年的争端。")]
    [InlineData("ru", "Лидеры трёх стран в четверг договорились обмениваться данными о сбросе воды из водохранилищ.")]
    public void Guesses_the_language_of_a_news_sentence(string expected, string text) =>
        Assert.Equal(expected, LanguageGuesser.Guess(text));

    [Fact]
    public void Too_little_text_gives_no_guess() => Assert.Null(LanguageGuesser.Guess("Paris 2025"));

    [Fact]
    public void Text_articles_get_a_language()
    {
        var doc = new ArticleReader().ReadFile(Samples.Path("harbour-strike.txt")).Document!;
        Assert.Equal("en", doc.Metadata.Language);
    }
}
