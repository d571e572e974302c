package org.ecgchat.eval.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ecgchat.eval.classification.BinaryCurve;
import org.ecgchat.eval.classification.MultiLabelData;
import org.ecgchat.eval.classification.PrecisionRecallCurve;
import org.ecgchat.eval.classification.RocCurve;
import org.ecgchat.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * ROC and precision-recall curves of every class with both label values, one chart each, as
 * PNG (XChart). Classes where a curve is undefined are left out of that chart.
 */
public final class CurvePlots {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 640;

    private CurvePlots() {
    }

    /** The ROC chart. */
    public static XYChart rocChart(MultiLabelData data, String title) {
        XYChart chart = chart(title + " - ROC", "false positive rate", "true positive rate");
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineColor(java.awt.Color.LIGHT_GRAY);
        for (int c = 0; c < data.classes(); c++) {
            BinaryCurve curve = data.curve(c);
            if (curve.positives() == 0 || curve.negatives() == 0) {
                continue;
            }
            RocCurve roc = RocCurve.of(curve, true);
            String name = data.classNames().get(c) + String.format(java.util.Locale.ROOT, " (%.3f)", curve.auroc());
            chart.addSeries(name, roc.falsePositiveRate(), roc.truePositiveRate()).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** The precision-recall chart. */
    public static XYChart precisionRecallChart(MultiLabelData data, String title) {
        XYChart chart = chart(title + " - precision-recall", "recall", "precision");
        for (int c = 0; c < data.classes(); c++) {
            BinaryCurve curve = data.curve(c);
            if (curve.positives() == 0) {
                continue;
            }
            PrecisionRecallCurve pr = PrecisionRecallCurve.of(curve);
            String name = data.classNames().get(c)
                    + String.format(java.util.Locale.ROOT, " (AP %.3f)", curve.averagePrecision());
            chart.addSeries(name, pr.recall(), pr.precision()).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** PNG bytes of a chart. */
    public static byte[] png(XYChart chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** Writes a chart as PNG. */
    public static void writePng(XYChart chart, Path file) throws IOException {
        byte[] bytes = png(chart);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return chart;
    }

    /** The class names plotted on the ROC chart (both label values present). */
    public static List<String> rocClasses(MultiLabelData data) {
        List<String> l = new java.util.ArrayList<>();
        for (int c = 0; c < data.classes(); c++) {
            BinaryCurve curve = data.curve(c);
            if (curve.positives() > 0 && curve.negatives() > 0) {
                l.add(data.classNames().get(c));
            }
        }
        return l;
    }
}
