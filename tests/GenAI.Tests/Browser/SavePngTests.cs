using System.Buffers.Binary;
using GenAI.Plotting;

namespace GenAI.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class SavePngTests(ChromiumBrowser chromium)
{
    [Fact]
    public async Task SavePng_writes_a_picture_of_the_requested_size_showing_the_figure()
    {
        // Left half pure red, right half pure blue: both colours must fill a good part of the picture.
        var pixels = new double[4, 8, 3];
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 8; c++)
                pixels[r, c, c < 4 ? 0 : 2] = 1;
        string path = ChromiumPage.ScreenshotPath("save-png-red-blue.png");

        Chart.Image(pixels).WithTitle("red | blue").SavePng(path, width: 640, height: 360);

        byte[] png = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        // IHDR, the first chunk, holds width and height as big-endian integers at bytes 16 and 20.
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(360, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));

        await using var browser = await chromium.NewPageAsync();
        var shares = await browser.Page.EvaluateAsync<double[]>("""
            async src => {
              const img = new Image();
              img.src = src;
              await img.decode();
              const canvas = document.createElement('canvas');
              canvas.width = img.width; canvas.height = img.height;
              const g = canvas.getContext('2d');
              g.drawImage(img, 0, 0);
              const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
              let red = 0, blue = 0, white = 0;
              for (let i = 0; i < d.length; i += 4) {
                if (d[i] > 240 && d[i + 1] < 15 && d[i + 2] < 15) red++;
                else if (d[i] < 15 && d[i + 1] < 15 && d[i + 2] > 240) blue++;
                else if (d[i] > 240 && d[i + 1] > 240 && d[i + 2] > 240) white++;
              }
              const n = d.length / 4;
              return [red / n, blue / n, white / n];
            }
            """, "data:image/png;base64," + Convert.ToBase64String(png));

        Assert.True(shares[0] > 0.1 && shares[1] > 0.1, $"red {shares[0]:P1}, blue {shares[1]:P1} of the picture");
        Assert.True(shares[2] > 0.1, $"white background {shares[2]:P1}");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public void SavePng_rejects_sizes_it_cannot_render()
    {
        var e = Assert.Throws<ArgumentException>(() => Chart.Line(new[] { 1.0, 2 }).SavePng("never.png", 0, 100));
        Assert.Equal("SavePng: width and height must be between 1 and 8000 pixels, got 0x100.", e.Message);
        Assert.False(File.Exists("never.png"));
    }
}
