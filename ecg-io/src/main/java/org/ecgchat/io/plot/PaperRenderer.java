package org.ecgchat.io.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Draws a tracing on ECG paper onto any {@link Graphics2D} whose user unit is one millimetre
 * (a raster image scaled by pixels per mm, or an SVG document with a millimetre view box).
 */
final class PaperRenderer {

    static final Color PAPER = Color.WHITE;
    static final Color MINOR_LINE = new Color(0xF5, 0xC6, 0xC6);
    static final Color MAJOR_LINE = new Color(0xE3, 0x7F, 0x7F);
    static final Color INK = Color.BLACK;
    private static final BasicStroke MINOR_STROKE = new BasicStroke(0.08f);
    private static final BasicStroke MAJOR_STROKE = new BasicStroke(0.2f);
    private static final BasicStroke TRACE_STROKE =
            new BasicStroke(0.28f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** Width of the 1 mV calibration pulse (s): the usual 200 ms, one large square at 25 mm/s. */
    static final double CALIBRATION_SECONDS = 0.2;

    private PaperRenderer() {}

    static void draw(Graphics2D g, Tracing t, PageLayout layout, EcgPaper paper) {
        g.setColor(PAPER);
        g.fill(new Rectangle2D.Double(0, 0, layout.width(), layout.height()));
        drawGrid(g, layout);
        drawHeader(g, t, layout, paper);

        double[] offsets = new double[t.signals().length];
        for (int l = 0; l < offsets.length; l++) {
            offsets[l] = median(t.signals()[l]);
        }
        g.setColor(INK);
        g.setStroke(TRACE_STROKE);
        for (double baseline : layout.rowBaselines()) {
            drawCalibrationPulse(g, layout.calibrationX(), baseline, paper);
        }
        Font label = new Font(Font.SANS_SERIF, Font.BOLD, 3);
        g.setFont(label);
        for (PageLayout.Strip s : layout.strips()) {
            drawStrip(g, t, s, offsets[s.lead()], paper);
            g.drawString(s.label(), (float) (s.x() + 1), (float) (s.baseline() - 0.45 * 4.5 * paper.gain()));
            if (s.x() > layout.gridLeft() + PageLayout.CALIBRATION_AREA + 1) {
                // the tick that marks where one lead gives way to the next
                g.draw(new Line2D.Double(s.x(), s.baseline() - 0.25 * paper.gain(), s.x(), s.baseline() + 0.25 * paper.gain()));
            }
        }
    }

    private static void drawGrid(Graphics2D g, PageLayout layout) {
        double left = layout.gridLeft(), top = layout.gridTop();
        double right = left + layout.gridWidth(), bottom = top + layout.gridHeight();
        int columns = (int) Math.floor(layout.gridWidth() + 1e-9);
        int rows = (int) Math.floor(layout.gridHeight() + 1e-9);
        for (boolean major : new boolean[] {false, true}) {
            g.setColor(major ? MAJOR_LINE : MINOR_LINE);
            g.setStroke(major ? MAJOR_STROKE : MINOR_STROKE);
            for (int i = 0; i <= columns; i++) {
                if ((i % 5 == 0) == major) {
                    g.draw(new Line2D.Double(left + i, top, left + i, bottom));
                }
            }
            for (int j = 0; j <= rows; j++) {
                if ((j % 5 == 0) == major) {
                    g.draw(new Line2D.Double(left, top + j, right, top + j));
                }
            }
        }
    }

    private static void drawHeader(Graphics2D g, Tracing t, PageLayout layout, EcgPaper paper) {
        g.setColor(INK);
        double left = layout.gridLeft();
        double right = left + layout.gridWidth();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 5));
        g.drawString(t.recordName(), (float) left, 8f);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 3));
        String settings = String.format(Locale.ROOT, "%s mm/s   %s mm/mV   %s Hz   %d leads   %.1f s", number(paper.speed()),
                number(paper.gain()), number(t.samplingFrequency()), t.leadNames().size(), t.duration());
        FontMetrics fm = g.getFontMetrics();
        g.drawString(settings, (float) (right - fm.stringWidth(settings)), 8f);
        float y = 14f;
        for (String line : wrap(t.note(), fm, layout.gridWidth(), 2)) {
            g.drawString(line, (float) left, y);
            y += 4f;
        }
        String footer = number(paper.speed()) + " mm/s   " + number(paper.gain()) + " mm/mV";
        g.drawString(footer, (float) (right - fm.stringWidth(footer)),
                (float) (layout.gridTop() + layout.gridHeight() + 5));
    }

    /** The standard 1 mV pulse: one millivolt tall and 200 ms wide, on a short stretch of baseline. */
    private static void drawCalibrationPulse(Graphics2D g, double x, double baseline, EcgPaper paper) {
        double rise = x + 2;
        double fall = rise + CALIBRATION_SECONDS * paper.speed();
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x, baseline);
        p.lineTo(rise, baseline);
        p.lineTo(rise, baseline - paper.gain());
        p.lineTo(fall, baseline - paper.gain());
        p.lineTo(fall, baseline);
        p.lineTo(fall + 2, baseline);
        g.draw(p);
    }

    private static void drawStrip(Graphics2D g, Tracing t, PageLayout.Strip s, double offset, EcgPaper paper) {
        double fs = t.samplingFrequency();
        double[] x = t.signals()[s.lead()];
        int from = (int) Math.round(s.startSeconds() * fs);
        int to = (int) Math.min(x.length - 1, Math.round((s.startSeconds() + s.seconds()) * fs));
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, Math.max(2, to - from + 1));
        boolean penDown = false;
        for (int i = from; i <= to; i++) {
            if (!Double.isFinite(x[i])) {
                penDown = false;
                continue;
            }
            double px = s.x() + (i - from) / fs * paper.speed();
            double py = s.baseline() - (x[i] - offset) * paper.gain();
            if (penDown) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                penDown = true;
            }
        }
        g.draw(path);
    }

    /** The median of the finite samples: the trace is drawn relative to it, as a printer's DC filter would. */
    static double median(double[] x) {
        double[] finite = Arrays.stream(x).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return 0;
        }
        int m = finite.length / 2;
        return finite.length % 2 == 1 ? finite[m] : (finite[m - 1] + finite[m]) / 2;
    }

    private static List<String> wrap(String text, FontMetrics fm, double width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
                if (lines.size() == maxLines) {
                    return ellipsis(lines);
                }
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<String> ellipsis(List<String> lines) {
        int last = lines.size() - 1;
        lines.set(last, lines.get(last) + " …");
        return lines;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
