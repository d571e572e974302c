package org.ecgchat.coca.train;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The loss curve of a training run as PNG (XChart, in the style of ecg-eval's ROC charts): total,
 * contrastive and caption loss per step, each smoothed by a running mean over a window of about
 * 1% of the steps so the trend shows through the batch-to-batch noise.
 */
final class LossCurve {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;

    private LossCurve() {}

    /** The chart of {@code history}, or none when it is empty. */
    static XYChart chart(List<StepMetrics> history, String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("step")
                .yAxisTitle("loss").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        int n = history.size();
        double[] step = new double[n];
        double[][] parts = new double[3][n];
        for (int i = 0; i < n; i++) {
            StepMetrics m = history.get(i);
            step[i] = m.step();
            parts[0][i] = m.loss();
            parts[1][i] = m.contrastiveLoss();
            parts[2][i] = m.captionLoss();
        }
        int window = Math.max(1, n / 100);
        String[] names = {"loss", "contrastive_loss", "caption_loss"};
        for (int p = 0; p < 3; p++) {
            chart.addSeries(names[p], step, smooth(parts[p], window)).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Writes the chart of {@code history} to {@code file} atomically; nothing when there is no history. */
    static void write(List<StepMetrics> history, String title, Path file) throws IOException {
        if (history.isEmpty()) {
            return;
        }
        byte[] png = BitmapEncoder.getBitmapBytes(chart(history, title), BitmapEncoder.BitmapFormat.PNG);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, png);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Trailing running mean over {@code window} values. */
    static double[] smooth(double[] v, int window) {
        double[] out = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            if (i >= window) {
                sum -= v[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }
}
