package org.ecgchat.io.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.ecgchat.io.AtomicFiles;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;

/**
 * Prints ECGs on standard ECG paper (see {@link PageLayout}) as antialiased PNG images (Java2D,
 * with the resolution recorded in the file) or as SVG documents in millimetres (JFreeSVG). Files
 * are written atomically: a reader sees either the old file or the complete new one.
 *
 * <pre>{@code
 * new EcgPlotter(EcgPaper.STANDARD).write(new Tracing("00001_hr", 500, names, mv), Path.of("ecg.png"));
 * }</pre>
 */
public final class EcgPlotter {

    private final EcgPaper paper;

    public EcgPlotter(EcgPaper paper) {
        if (paper == null) {
            throw new IllegalArgumentException("paper settings are required (EcgPaper.STANDARD for 25 mm/s, 10 mm/mV)");
        }
        this.paper = paper;
    }

    public EcgPaper paper() {
        return paper;
    }

    /** Where the tracing's parts go on the page (millimetres). */
    public PageLayout layout(Tracing t) {
        return PageLayout.of(t, paper);
    }

    /** The printout as an RGB image at the paper's resolution. */
    public BufferedImage renderImage(Tracing t) {
        PageLayout layout = layout(t);
        double ppm = paper.pixelsPerMm();
        BufferedImage image = new BufferedImage((int) Math.round(layout.width() * ppm),
                (int) Math.round(layout.height() * ppm), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(ppm, ppm);
            PaperRenderer.draw(g, t, layout, paper);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The printout as a standalone SVG document whose user unit is one millimetre. */
    public String renderSvg(Tracing t) {
        PageLayout layout = layout(t);
        SVGGraphics2D g = new SVGGraphics2D(layout.width(), layout.height(), SVGUnits.MM);
        g.setGeomDoubleConverter(SVGUtils.createDoubleConverter(4));
        PaperRenderer.draw(g, t, layout, paper);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g.getSVGElement(null, true, new ViewBox(0, 0, layout.width(), layout.height()), null, null) + "\n";
    }

    /**
     * Writes the printout to {@code file}, as PNG or SVG according to its extension.
     *
     * @throws IllegalArgumentException if the extension is neither {@code .png} nor {@code .svg}
     */
    public void write(Tracing t, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            writePng(t, file);
        } else if (name.endsWith(".svg")) {
            writeSvg(t, file);
        } else {
            throw new IllegalArgumentException("cannot tell the image format of " + file + "; use a .png or .svg file name");
        }
    }

    public void writePng(Tracing t, Path file) throws IOException {
        BufferedImage image = renderImage(t);
        AtomicFiles.write(file, out -> writePng(image, paper.dpi(), out));
    }

    public void writeSvg(Tracing t, Path file) throws IOException {
        byte[] svg = renderSvg(t).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(svg));
    }

    /** Encodes a PNG whose pHYs chunk records the resolution, so viewers and printers show it at true size. */
    private static void writePng(BufferedImage image, double dpi, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no PNG encoder");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String pixelsPerMetre = Long.toString(Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
            phys.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            try {
                metadata.mergeTree("javax_imageio_png_1.0", root);
            } catch (IIOInvalidTreeException e) {
                throw new IOException("cannot record " + dpi + " dpi in the PNG header", e);
            }
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }
}
