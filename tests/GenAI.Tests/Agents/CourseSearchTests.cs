using GenAI.Agents;

namespace GenAI.Tests.Agents;

public class CourseSearchTests
{
    static CourseSearch Make() => new([
        new("05-bigram-language-model", "count pairs of characters"),
        new("17-variational-autoencoder", "a latent space we can sample, the KL term"),
        new("19-diffusion-ddpm-ddim", "add noise, learn to remove noise, sample"),
    ]);

    [Fact]
    public void The_document_that_holds_the_query_words_ranks_first()
    {
        using var s = Make();
        var hits = s.Search("remove the noise", 3);
        Assert.Equal("19-diffusion-ddpm-ddim", hits[0].Id);
        Assert.Equal(1, hits[0].Rank);
        Assert.Equal("17-variational-autoencoder", s.Lookup("KL term"));
        // "sample" is in two documents: both are hits, and only those
        Assert.Equal(2, s.Search("sample", 3).Count);
    }

    [Fact]
    public void Unknown_words_find_nothing_and_say_so()
    {
        using var s = Make();
        Assert.Empty(s.Search("zebra"));
        Assert.Equal("no notebook matches 'zebra'", s.Lookup("zebra"));
    }

    [Fact]
    public void The_course_notebooks_are_found_from_the_repository()
    {
        using var s = CourseSearch.FromCourse();
        Assert.Contains(s.Documents, d => d.Id == "10-gpt-from-scratch");
        Assert.Equal("19-diffusion-ddpm-ddim", s.Lookup("ancestral"));
        Assert.Equal("20-guidance-latent-diffusion", s.Lookup("guidance"));
    }
}
