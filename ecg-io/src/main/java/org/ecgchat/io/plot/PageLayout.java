package org.ecgchat.io.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Where everything goes on the printout, in millimetres from the top-left corner of the page.
 * A record with the 12 standard leads gets the standard 3 × 4 layout (I, aVR, V1, V4 / II, aVL,
 * V2, V5 / III, aVF, V3, V6, each column 2.5 s of the same instants) plus a 10 s rhythm strip;
 * any other record gets one 10 s strip per lead. At 25 mm/s and 10 mm/mV the page is A4
 * landscape (297 × 210 mm).
 *
 * @param width page width
 * @param height page height
 * @param gridLeft left edge of the grid
 * @param gridTop top edge of the grid
 * @param gridWidth grid width
 * @param gridHeight grid height
 * @param calibrationX where each row's 1 mV calibration pulse starts
 * @param rowBaselines the zero-millivolt line of each row
 * @param strips the trace segments
 */
public record PageLayout(double width, double height, double gridLeft, double gridTop, double gridWidth,
        double gridHeight, double calibrationX, List<Double> rowBaselines, List<Strip> strips) {

    /** Seconds of signal across the page. */
    public static final double PAGE_SECONDS = 10;
    /** Seconds per column of the 3 × 4 layout. */
    public static final double COLUMN_SECONDS = 2.5;

    static final double MARGIN_X = 8.5, HEADER = 22, FOOTER = 8, CALIBRATION_AREA = 15, RIGHT_PAD = 15;

    private static final String[][] STANDARD_ROWS = {
        {"I", "aVR", "V1", "V4"},
        {"II", "aVL", "V2", "V5"},
        {"III", "aVF", "V3", "V6"},
    };
    private static final List<String> STANDARD_LEADS =
            List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");

    /**
     * One trace segment: {@code seconds} of lead {@code lead} (index into the tracing) from
     * {@code startSeconds}, drawn from {@code x} on the row whose zero line is {@code baseline}.
     */
    public record Strip(String label, int lead, double startSeconds, double seconds, double x, double baseline) {}

    public PageLayout {
        rowBaselines = List.copyOf(rowBaselines);
        strips = List.copyOf(strips);
    }

    /** The layout of a tracing on the given paper. */
    public static PageLayout of(Tracing t, EcgPaper paper) {
        boolean twelveLead = STANDARD_LEADS.stream().allMatch(name -> t.leadIndex(name) >= 0);
        int rows = twelveLead ? STANDARD_ROWS.length + 1 : t.leadNames().size();
        double pitch = 4.5 * paper.gain();
        double traceWidth = PAGE_SECONDS * paper.speed();
        double gridWidth = CALIBRATION_AREA + traceWidth + RIGHT_PAD;
        double gridHeight = rows * pitch;
        double gridLeft = MARGIN_X;
        double gridTop = HEADER;
        double traceX = gridLeft + CALIBRATION_AREA;
        List<Double> baselines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            baselines.add(gridTop + r * pitch + 0.56 * pitch);
        }
        List<Strip> strips = new ArrayList<>();
        if (twelveLead) {
            for (int r = 0; r < STANDARD_ROWS.length; r++) {
                for (int c = 0; c < STANDARD_ROWS[r].length; c++) {
                    String name = STANDARD_ROWS[r][c];
                    strips.add(new Strip(name, t.leadIndex(name), c * COLUMN_SECONDS, COLUMN_SECONDS,
                            traceX + c * COLUMN_SECONDS * paper.speed(), baselines.get(r)));
                }
            }
            int rhythm = t.leadIndex(paper.rhythmLead());
            if (rhythm < 0) {
                throw new IllegalArgumentException(t.recordName() + " has no lead " + paper.rhythmLead()
                        + " for the rhythm strip; leads are " + t.leadNames());
            }
            strips.add(new Strip(displayName(t.leadNames().get(rhythm)), rhythm, 0, PAGE_SECONDS, traceX,
                    baselines.get(rows - 1)));
        } else {
            for (int l = 0; l < rows; l++) {
                strips.add(new Strip(displayName(t.leadNames().get(l)), l, 0, PAGE_SECONDS, traceX, baselines.get(l)));
            }
        }
        return new PageLayout(2 * MARGIN_X + gridWidth, HEADER + gridHeight + FOOTER, gridLeft, gridTop, gridWidth,
                gridHeight, gridLeft + 3, baselines, strips);
    }

    /** The usual spelling of a lead name ({@code AVR} from PTB-XL headers prints as {@code aVR}). */
    static String displayName(String name) {
        for (String standard : STANDARD_LEADS) {
            if (standard.equalsIgnoreCase(name)) {
                return standard;
            }
        }
        return name;
    }
}
