namespace Certifications.Functions.Certificates.Rendering.Text;

/// <summary>Lines of text set at one size, each centred in its box.</summary>
public sealed record TextBlock(IReadOnlyList<TextLine> Lines, double Size)
{
    public double LineHeight => Size * 1.3;

    public double Height => Lines.Count * LineHeight;

    public static TextBlock Empty(double size) => new([], size);
}
