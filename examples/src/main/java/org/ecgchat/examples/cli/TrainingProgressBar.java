package org.ecgchat.examples.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ecgchat.coca.train.StepMetrics;
import org.ecgchat.coca.train.TrainingListener;

/** The terminal progress bar of a training run: steps done, loss parts, learning rate, throughput, ETA. */
final class TrainingProgressBar implements TrainingListener, AutoCloseable {

    private final ProgressBar bar;

    TrainingProgressBar(String name, long done, long total) {
        this.bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total).startsFrom(done, java.time.Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed().setUnit(" steps", 1).build();
    }

    @Override
    public void onStep(StepMetrics m) {
        bar.stepTo(m.step());
        bar.setExtraMessage(String.format(Locale.ROOT, " ep %d loss %.4f (contr %.4f, cap %.4f) lr %.2e %.1f samples/s",
                m.epoch(), m.loss(), m.contrastiveLoss(), m.captionLoss(), m.lr(), m.samplesPerSecond()));
    }

    @Override
    public void close() {
        bar.close();
    }
}
