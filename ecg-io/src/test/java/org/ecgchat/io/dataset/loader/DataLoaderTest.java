package org.ecgchat.io.dataset.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecgchat.io.dataset.DatasetRecord;
import org.ecgchat.io.dataset.EcgDataset;
import org.ecgchat.io.dataset.LabelSet;
import org.ecgchat.io.dataset.LabelVector;
import org.ecgchat.io.preprocess.Preprocessor;
import org.ecgchat.io.wfdb.Wfdb;
import org.ecgchat.io.wfdb.WfdbRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded, parallel, bounded batching with the transform chain; clear errors for bad records. */
class DataLoaderTest {
    static final List<String> LEADS = List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");
    static final LabelSet SET = LabelSet.of("set", "A", "B", "C");

    @TempDir
    Path dir;

    /** Value of record k, lead l, sample t. */
    static double value(int k, int l, int t) {
        return (k * 1000 + l * 50 + t % 97) / 1000.0;
    }

    /** Record k has 4000 + 250 k samples (so some are padded, some cropped), format 16 or 32. */
    private EcgDataset dataset(int n, int leadsOfRecord3) throws IOException {
        List<DatasetRecord> records = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int leads = k == 3 ? leadsOfRecord3 : 12;
            int len = 4000 + 250 * k;
            double[][] x = new double[leads][len];
            for (int l = 0; l < leads; l++) {
                for (int t = 0; t < len; t++) {
                    x[l][t] = value(k, l, t);
                }
            }
            String name = "r" + k;
            Wfdb.write(dir, WfdbRecord.fromPhysical(name, 500, LEADS.subList(0, leads), "mV", 1000, k % 2 == 0 ? 16 : 32, x));
            records.add(new DatasetRecord(name, dir.resolve(name), "report " + k, LabelVector.ofIndices(SET, k % 3),
                    Optional.empty(), OptionalInt.empty(), "list.csv:" + (k + 2)));
        }
        return EcgDataset.of("test", SET, records);
    }

    private static List<EcgBatch> all(DataLoader loader, int epoch) {
        List<EcgBatch> out = new ArrayList<>();
        try (DataLoader.Epoch e = loader.epoch(epoch)) {
            e.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void batchesHoldTheTransformedSamplesLabelsAndReports() throws IOException {
        EcgDataset ds = dataset(10, 12);
        try (DataLoader loader = DataLoader.builder(ds).batchSize(4).workers(2).build()) {
            List<EcgBatch> batches = all(loader, 0);
            assertThat(batches).extracting(EcgBatch::size).containsExactly(4, 4, 2);
            EcgBatch b = batches.get(1);
            assertThat(b.shape()).containsExactly(4, 12, 5000);
            assertThat(b.reports()).containsExactly("report 4", "report 5", "report 6", "report 7");
            // record 5 (5250 samples) is cropped; record 4 (5000) as is; record 7 (5750) cropped
            assertThat(b.signal(1, 2, 4999)).isEqualTo((float) value(5, 2, 4999));
            assertThat(b.signal(0, 11, 123)).isEqualTo((float) value(4, 11, 123));
            assertThat(Arrays.copyOfRange(b.labels(), 0, 6)).containsExactly(0, 1, 0, 0, 0, 1);
            // record 0 (4000 samples) is zero-padded
            EcgBatch first = batches.get(0);
            assertThat(first.signal(0, 0, 3999)).isEqualTo((float) value(0, 0, 3999));
            assertThat(first.signal(0, 0, 4000)).isZero();
            assertThat(first.signal(0, 5, 4999)).isZero();
        }
        try (DataLoader loader = DataLoader.builder(ds).batchSize(4).dropLast(true).build()) {
            assertThat(loader.batchesPerEpoch()).isEqualTo(2);
            assertThat(all(loader, 0)).hasSize(2);
        }
    }

    @Test
    void theOrderDependsOnSeedAndEpochOnlyNotOnThreads() throws IOException {
        EcgDataset ds = dataset(10, 12);
        List<EcgBatch> one;
        List<EcgBatch> four;
        try (DataLoader a = DataLoader.builder(ds).batchSize(3).shuffle(true).seed(7).workers(1).prefetch(1).build();
             DataLoader b = DataLoader.builder(ds).batchSize(3).shuffle(true).seed(7).workers(4).prefetch(8).build()) {
            one = all(a, 2);
            four = all(b, 2);
            assertThat(a.order(0)).isNotEqualTo(a.order(1));
            assertThat(a.order(2)).isNotEqualTo(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
            assertThat(Arrays.stream(a.order(2)).sorted().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
        assertThat(one).hasSameSizeAs(four);
        for (int i = 0; i < one.size(); i++) {
            assertThat(one.get(i).records()).isEqualTo(four.get(i).records());
            assertThat(one.get(i).signals()).isEqualTo(four.get(i).signals());
        }
        try (DataLoader c = DataLoader.builder(ds).batchSize(3).shuffle(true).seed(8).build();
             DataLoader d = DataLoader.builder(ds).shuffle(true).seed(7).build()) {
            assertThat(c.order(2)).isNotEqualTo(d.order(2));
        }
    }

    @Test
    void aRecordWithEightLeadsStopsTheEpochNamingItAndItsRow() throws IOException {
        EcgDataset ds = dataset(6, 8);
        try (DataLoader loader = DataLoader.builder(ds).batchSize(2).workers(2).build();
             DataLoader.Epoch e = loader.epoch(0)) {
            e.next();
            assertThatThrownBy(e::next).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("r3")
                    .hasMessageContaining("8 leads × 5000 samples after the transform chain, the loader needs 12 × 5000")
                    .hasMessageContaining("list.csv:5");
        }
    }

    @Test
    void aMissingRecordIsNamedWithItsRow() throws IOException {
        EcgDataset ds = dataset(4, 12);
        Files.delete(dir.resolve("r2.hea"));
        try (DataLoader loader = DataLoader.builder(ds).batchSize(4).build(); DataLoader.Epoch e = loader.epoch(0)) {
            assertThatThrownBy(e::next).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("r2.hea").hasMessageContaining("list.csv:4");
        }
    }

    @Test
    void wrongLengthWithoutPadOrCropIsExplained() throws IOException {
        EcgDataset ds = dataset(2, 12);
        try (DataLoader loader = DataLoader.builder(ds).transform(Preprocessor.of()).batchSize(2).build();
             DataLoader.Epoch e = loader.epoch(0)) {
            assertThatThrownBy(e::next).hasMessageContaining("12 leads × 4000 samples after the transform chain")
                    .hasMessageContaining("pad_or_crop");
        }
    }

    @Test
    void recordsReadAheadAreBoundedByThePrefetchDepth() throws IOException, InterruptedException {
        EcgDataset base = dataset(10, 12);
        AtomicInteger reads = new AtomicInteger();
        EcgDataset counting = new EcgDataset() {
            public String name() {
                return base.name();
            }

            public LabelSet labelSet() {
                return base.labelSet();
            }

            public int size() {
                return 1000;
            }

            public DatasetRecord get(int i) {
                reads.incrementAndGet();
                return base.get(i % 10);
            }
        };
        try (DataLoader loader = DataLoader.builder(counting).batchSize(2).workers(3).prefetch(3).build();
             DataLoader.Epoch e = loader.epoch(0)) {
            e.next();
            Thread.sleep(300);
            // one batch delivered, at most three more built or building
            assertThat(reads.get()).isLessThanOrEqualTo((1 + 3) * 2);
        }
    }

    @Test
    void closingStopsTheThreads() throws IOException, InterruptedException {
        EcgDataset ds = dataset(10, 12);
        DataLoader loader = DataLoader.builder(ds).batchSize(1).workers(3).build();
        DataLoader.Epoch e = loader.epoch(0);
        e.next();
        loader.close();
        assertThatThrownBy(e::next).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> loader.epoch(1)).isInstanceOf(IllegalStateException.class);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("ecg-loader-") && t.isAlive());
    }
}
