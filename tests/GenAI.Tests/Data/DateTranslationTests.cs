using GenAI.Data;

namespace GenAI.Tests.Data;

public class DateTranslationTests
{
    [Fact]
    public void WritesOneDateInEveryFormat()
    {
        var date = new DateOnly(1998, 9, 23);   // a Wednesday
        Assert.Equal("23 sep 1998", DateTranslation.Format(date, 0));
        Assert.Equal("23/09/1998", DateTranslation.Format(date, 1));
        Assert.Equal("september 23, 1998", DateTranslation.Format(date, 2));
        Assert.Equal("wednesday, september 23, 1998", DateTranslation.Format(date, 3));
        Assert.Equal("the twenty-third of september 1998", DateTranslation.Format(date, 4));
        Assert.Equal("the twenty-third of september nineteen ninety-eight", DateTranslation.Format(date, 5));
        Assert.Equal("wednesday the twenty-third of september, nineteen ninety-eight", DateTranslation.Format(date, 6));
        Assert.Equal("1998-09-23", DateTranslation.Iso(date));
    }

    [Theory]
    [InlineData(1900, "nineteen hundred")]
    [InlineData(1905, "nineteen oh five")]
    [InlineData(1917, "nineteen seventeen")]
    [InlineData(2000, "two thousand")]
    [InlineData(2007, "two thousand seven")]
    [InlineData(2040, "twenty forty")]
    [InlineData(2099, "twenty ninety-nine")]
    public void ReadsYearsAloud(int year, string words) => Assert.Equal(words, DateTranslation.YearInWords(year));

    [Theory]
    [InlineData(1, "first")]
    [InlineData(12, "twelfth")]
    [InlineData(20, "twentieth")]
    [InlineData(22, "twenty-second")]
    [InlineData(30, "thirtieth")]
    [InlineData(31, "thirty-first")]
    public void SpellsOrdinals(int n, string words) => Assert.Equal(words, DateTranslation.Ordinal(n));

    [Fact]
    public void SameSeedSamePairsAndEveryTargetIsTheIsoDate()
    {
        var a = DateTranslation.Generate(500, seed: 5);
        var b = DateTranslation.Generate(500, seed: 5);
        var c = DateTranslation.Generate(500, seed: 6);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, p => Assert.Equal(p.Date, DateOnly.ParseExact(p.Target, "yyyy-MM-dd")));
        Assert.All(a, p => Assert.Equal(p.Source, DateTranslation.Format(p.Date, p.Format)));
        // Every format appears, and inputs range from short to long.
        Assert.Equal(DateTranslation.FormatCount, a.Select(p => p.Format).Distinct().Count());
        Assert.True(a.Min(p => p.Source.Length) <= 11 && a.Max(p => p.Source.Length) >= 60);
    }

    [Fact]
    public void OutOfRangeArgumentsAreNamed()
    {
        Assert.Equal("format", Assert.Throws<ArgumentOutOfRangeException>(() => DateTranslation.Format(new DateOnly(2000, 1, 1), 7)).ParamName);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => DateTranslation.YearInWords(1899)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => DateTranslation.Generate(0, 1)).ParamName);
    }
}

public class SpelledDigitsTests
{
    [Fact]
    public void SpellsDigitsAsWords() => Assert.Equal("four seven one zero", SpelledDigits.Spell([4, 7, 1, 0]));

    [Fact]
    public void SameSeedSamePairsAndTheTargetIsTheSpelledDigits()
    {
        var a = SpelledDigits.Generate(300, seed: 3, minDigits: 2, maxDigits: 6);
        Assert.Equal(a, SpelledDigits.Generate(300, seed: 3, minDigits: 2, maxDigits: 6));
        Assert.NotEqual(a, SpelledDigits.Generate(300, seed: 4, minDigits: 2, maxDigits: 6));
        Assert.All(a, p => Assert.Equal(p.Source, SpelledDigits.Spell(p.Target.Select(c => c - '0'))));
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, a.Select(p => p.Target.Length).Distinct().Order());
    }

    [Fact]
    public void BadRangesAreRejectedByName()
    {
        Assert.Equal("maxDigits", Assert.Throws<ArgumentOutOfRangeException>(() => SpelledDigits.Generate(5, 1, minDigits: 4, maxDigits: 3)).ParamName);
        Assert.Equal("minDigits", Assert.Throws<ArgumentOutOfRangeException>(() => SpelledDigits.Generate(5, 1, minDigits: 0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => SpelledDigits.Generate(0, 1)).ParamName);
        Assert.Equal("digits", Assert.Throws<ArgumentOutOfRangeException>(() => SpelledDigits.Spell([12])).ParamName);
    }
}
