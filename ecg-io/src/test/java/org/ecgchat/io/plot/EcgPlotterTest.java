package org.ecgchat.io.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ecgchat.io.AtomicFiles;
import org.ecgchat.io.synth.Diagnosis;
import org.ecgchat.io.synth.SynthConfig;
import org.ecgchat.io.synth.SyntheticEcg;
import org.ecgchat.io.synth.SyntheticEcgGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Geometry of the printout (measured in pixels of the PNG), SVG structure and atomic output. */
class EcgPlotterTest {

    /** 254 dpi makes one millimetre exactly ten pixels. */
    private static final EcgPlotter PLOTTER = new EcgPlotter(EcgPaper.STANDARD.withDpi(254));
    private static final List<String> LEADS =
            List.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6");

    @TempDir
    Path dir;

    /** 12 flat leads, except lead II which carries a 1 mV, 200 ms pulse from t = 1 s. */
    private static Tracing pulseTracing() {
        double[][] x = new double[12][5000];
        for (int n = 500; n < 600; n++) {
            x[1][n] = 1.0;
        }
        return new Tracing("pulse", 500, LEADS, x, "a 1 mV pulse in lead II");
    }

    @Test
    void aStandardPageIsA4LandscapeAtTheRequestedResolution() {
        BufferedImage image = PLOTTER.renderImage(pulseTracing());
        assertThat(image.getWidth()).isEqualTo(2970);
        assertThat(image.getHeight()).isEqualTo(2100);
        PageLayout layout = PLOTTER.layout(pulseTracing());
        assertThat(layout.width()).isEqualTo(297);
        assertThat(layout.height()).isEqualTo(210);
        assertThat(new EcgPlotter(EcgPaper.STANDARD.withDpi(100)).renderImage(pulseTracing()).getWidth())
                .isEqualTo((int) Math.round(297 / 25.4 * 100));
    }

    @Test
    void gridHasMajorLinesEvery5mmAndMinorLinesEveryMillimetre() {
        BufferedImage image = PLOTTER.renderImage(pulseTracing());
        PageLayout layout = PLOTTER.layout(pulseTracing());
        int y = px(layout.gridTop() + layout.gridHeight() - 2.5); // between horizontal lines, below every trace
        for (int k = 0; k <= 56; k++) {
            int major = px(layout.gridLeft() + 5 * k);
            assertThat(redness(image, major, y)).as("major line %d", k).isGreaterThan(60);
            if (k < 56) {
                int minor = px(layout.gridLeft() + 5 * k + 1);
                assertThat(redness(image, minor, y)).as("minor line after %d", k).isBetween(10, 60);
                assertThat(redness(image, minor + 5, y)).as("paper between lines").isZero();
            }
        }
        assertThat(redness(image, px(layout.gridLeft()) - 20, y)).as("no grid outside the grid area").isZero();
    }

    @Test
    void calibrationPulseAndSignalsAreTenMillimetresPerMillivoltAt25MillimetresPerSecond() {
        BufferedImage image = PLOTTER.renderImage(pulseTracing());
        PageLayout layout = PLOTTER.layout(pulseTracing());
        double rhythmBaseline = layout.rowBaselines().get(3);
        // the calibration pulse's top is 10 mm above the baseline
        int pulseX = px(layout.calibrationX() + 2 + 2.5);
        assertThat(topInk(image, pulseX, rhythmBaseline)).isCloseTo(rhythmBaseline - 10, within(0.25));
        // the signal's 1 mV pulse, 1 s into the rhythm strip: 25 mm right of its start, 10 mm tall, 5 mm wide
        double stripX = layout.strips().get(12).x();
        assertThat(layout.strips().get(12).label()).isEqualTo("II");
        assertThat(topInk(image, px(stripX + 25 + 2.5), rhythmBaseline)).isCloseTo(rhythmBaseline - 10, within(0.25));
        assertThat(topInk(image, px(stripX + 25 - 1), rhythmBaseline)).isCloseTo(rhythmBaseline, within(0.25));
        assertThat(topInk(image, px(stripX + 30 + 1), rhythmBaseline)).isCloseTo(rhythmBaseline, within(0.25));
        // in the 3 x 4 layout, lead II (row 2, column 1) shows the same pulse at the same place
        assertThat(topInk(image, px(stripX + 25 + 2.5), layout.rowBaselines().get(1)))
                .isCloseTo(layout.rowBaselines().get(1) - 10, within(0.25));
    }

    @Test
    void stripsFollowTheStandardLayoutAndSpellPtbXlLeadNamesTheUsualWay() {
        PageLayout layout = PLOTTER.layout(pulseTracing());
        assertThat(layout.strips()).hasSize(13);
        assertThat(layout.strips().stream().map(PageLayout.Strip::label).toList())
                .containsExactly("I", "aVR", "V1", "V4", "II", "aVL", "V2", "V5", "III", "aVF", "V3", "V6", "II");
        PageLayout.Strip v5 = layout.strips().get(7);
        assertThat(v5.startSeconds()).isEqualTo(7.5);
        assertThat(v5.x() - layout.strips().get(4).x()).isEqualTo(3 * 62.5);
        // a record without the 12 standard leads gets one full-width strip per lead
        Tracing twoLeads = new Tracing("100", 360, List.of("MLII", "V5"), new double[2][3600]);
        PageLayout generic = PLOTTER.layout(twoLeads);
        assertThat(generic.strips()).extracting(PageLayout.Strip::seconds).containsExactly(10.0, 10.0);
        assertThat(generic.height()).isEqualTo(22 + 2 * 45 + 8);
        assertThatThrownBy(() -> new EcgPlotter(new EcgPaper(25, 10, 200, "V7")).layout(pulseTracing()))
                .hasMessageContaining("no lead V7");
    }

    @Test
    void invalidSamplesLeaveAGap() {
        double[][] x = new double[1][5000];
        Arrays.fill(x[0], 2000, 3000, Double.NaN);
        Arrays.fill(x[0], 0, 2000, 0.5);
        Arrays.fill(x[0], 3000, 5000, 0.5);
        Tracing t = new Tracing("gap", 500, List.of("II"), x);
        BufferedImage image = PLOTTER.renderImage(t);
        PageLayout.Strip s = PLOTTER.layout(t).strips().get(0);
        // the median (0.5 mV) is drawn on the zero line, as a printer's baseline filter would
        assertThat(topInk(image, px(s.x() + 30), s.baseline())).isCloseTo(s.baseline(), within(0.25));
        assertThat(hasInkNear(image, px(s.x() + 125), s.baseline())).as("NaN stretch").isFalse();
        assertThat(hasInkNear(image, px(s.x() + 200), s.baseline())).as("after the gap").isTrue();
    }

    @Test
    void pngRecordsItsResolutionAndIsReadable() throws IOException {
        Path png = dir.resolve("ecg.png");
        PLOTTER.write(pulseTracing(), png);
        byte[] bytes = Files.readAllBytes(png);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertThat(reader.getWidth(0)).isEqualTo(2970);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertThat(phys.getAttribute("pixelsPerUnitXAxis")).isEqualTo("10000"); // 254 dpi
            assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
        }
    }

    @Test
    void svgIsAMillimetreDocumentWithLabelsAndTraces() throws Exception {
        SyntheticEcg ecg = new SyntheticEcgGenerator(SynthConfig.DEFAULT).generate(Diagnosis.parse("SR"), new SplittableRandom(1));
        Tracing t = new Tracing("synthetic & <test>", 500, ecg.leadNames(), ecg.signals(), ecg.report());
        Path svg = dir.resolve("ecg.svg");
        PLOTTER.write(t, svg);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo("297mm");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 297 210");
        NodeList texts = doc.getElementsByTagName("text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('|');
        }
        assertThat(all.toString()).contains("|aVR|", "|V6|", "synthetic & <test>", "sinus rhythm. normal ecg.", "25 mm/s");
        assertThat(doc.getElementsByTagName("path").getLength()).isGreaterThanOrEqualTo(13 + 4);
    }

    @Test
    void filesAreReplacedAtomicallyAndFailedWritesLeaveNothing() throws IOException {
        Path png = dir.resolve("ecg.png");
        Files.writeString(png, "old");
        PLOTTER.write(pulseTracing(), png);
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        assertThatThrownBy(() -> AtomicFiles.write(png, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readAllBytes(png)).as("untouched by the failed write").startsWith(0x89, 'P', 'N', 'G');
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no temporary file left")
                    .containsExactly("ecg.png");
        }
        assertThatThrownBy(() -> PLOTTER.write(pulseTracing(), dir.resolve("ecg.jpg")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".png or .svg");
        assertThat(Files.exists(dir.resolve("ecg.jpg"))).isFalse();
        PLOTTER.write(pulseTracing(), dir.resolve("new/ecg.svg"));
        assertThat(dir.resolve("new/ecg.svg")).exists();
    }

    @Test
    void tracingsRefuseInconsistentInput() {
        assertThatThrownBy(() -> new Tracing("r", 500, List.of("I", "II"), new double[1][10]))
                .hasMessageContaining("1 signals for 2 lead names");
        assertThatThrownBy(() -> new Tracing("r", 500, List.of("I", "II"), new double[][] {new double[10], new double[9]}))
                .hasMessageContaining("lead II has 9 samples");
        assertThatThrownBy(() -> new Tracing("r", 0, List.of("I"), new double[1][10])).hasMessageContaining("positive");
        assertThatThrownBy(() -> new EcgPaper(25, 10, 10, "II")).hasMessageContaining("dpi");
    }

    // ---- pixel helpers (10 px per mm)

    private static int px(double mm) {
        return (int) Math.round(mm * 10);
    }

    private static int redness(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return 255 - ((rgb >> 8) & 0xFF);
    }

    private static boolean isInk(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return ((rgb >> 16) & 0xFF) < 100 && ((rgb >> 8) & 0xFF) < 100; // dark, unlike the red grid
    }

    /** The millimetre position of the highest ink pixel in column x within 15 mm above to 2 mm below the baseline. */
    private static double topInk(BufferedImage image, int x, double baselineMm) {
        for (int y = px(baselineMm - 15); y <= px(baselineMm + 2); y++) {
            if (isInk(image, x, y)) {
                int bottom = y;
                while (isInk(image, x, bottom + 1)) {
                    bottom++;
                }
                // the middle of the stroke where it is horizontal, its top where it is vertical
                return bottom - y < 6 ? (y + bottom) / 20.0 : y / 10.0;
            }
        }
        return Double.NaN;
    }

    private static boolean hasInkNear(BufferedImage image, int x, double baselineMm) {
        for (int y = px(baselineMm - 10); y <= px(baselineMm + 10); y++) {
            if (isInk(image, x, y)) {
                return true;
            }
        }
        return false;
    }
}
