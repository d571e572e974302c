package org.ecgchat.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Parameters by original name, embedding gradients, weight matching and the graph pool. */
class GraphTest {

    @Test
    void embeddingGradientsAreScatterAddedEvenForRepeatedIdsBeyondTheirCount() {
        // rows 7 and 2 with 3 ids: the case where SameDiff's own gather gradient picks wrong rows
        INDArray table = Nd4j.rand(DataType.FLOAT, 10, 4);
        INDArray positions = Nd4j.rand(DataType.FLOAT, 5, 4);
        Graph g = Graph.of(Map.of("emb.weight", table, "pos.weight", positions, "w", Nd4j.createFromArray(1f, 2f, 3f, 4f)));
        SameDiff sd = g.sameDiff();
        SDVariable ids = sd.placeHolder("ids", DataType.INT64, -1);
        SDVariable rows = new Embedding("emb", 10, 4).apply(g, ids)
                .add(new Embedding("pos", 5, 4).apply(g, g.longs(0, 1, 2)));
        SDVariable w = g.parameter(Parameter.of("w", 4));
        sd.setLossVariables(sd.math.square(rows).mul(w).sum());
        Map<String, INDArray> grads = g.gradients(Map.of("ids", Nd4j.createFromArray(7L, 7L, 2L)),
                List.of("emb.weight", "pos.weight", "w"));

        INDArray x = Nd4j.vstack(table.getRow(7).add(positions.getRow(0)), table.getRow(7).add(positions.getRow(1)),
                table.getRow(2).add(positions.getRow(2)));
        INDArray perRow = x.mul(2).mulRowVector(Nd4j.createFromArray(1f, 2f, 3f, 4f));
        INDArray expectedTable = Nd4j.zeros(DataType.FLOAT, 10, 4);
        expectedTable.getRow(7).addi(perRow.getRow(0)).addi(perRow.getRow(1));
        expectedTable.getRow(2).addi(perRow.getRow(2));
        assertThat(grads.get("emb.weight").sub(expectedTable).amaxNumber().doubleValue()).isLessThan(1e-5);
        assertThat(grads.get("pos.weight").getRow(1).sub(perRow.getRow(1)).amaxNumber().doubleValue()).isLessThan(1e-5);
        assertThat(grads.get("pos.weight").getRow(4).sumNumber().doubleValue()).isZero();
        assertThat(grads.get("w").getDouble(0)).isCloseTo(x.getColumn(0).mul(x.getColumn(0)).sumNumber().doubleValue(),
                within(1e-4));
        assertThat(g.parameters()).extracting(Parameter::name).containsExactly("emb.weight", "pos.weight", "w");
    }

    @Test
    void repeatedBackwardPassesReuseTheirArraysWithoutChangingResults() {
        // each pass hands its arrays back to the graph's cache; the next pass computes into them
        INDArray table = Nd4j.rand(DataType.FLOAT, 6, 3);
        INDArray weight = Nd4j.rand(DataType.FLOAT, 2, 3);
        Graph g = Graph.of(Map.of("emb.weight", table, "fc.weight", weight));
        SameDiff sd = g.sameDiff();
        SDVariable ids = sd.placeHolder("ids", DataType.INT64, -1);
        SDVariable y = new Linear("fc", 3, 2, false).apply(g, new Embedding("emb", 6, 3).apply(g, ids));
        sd.setLossVariables(sd.math.square(y).sum().rename("loss"));
        long[][] batches = {{1, 1, 4}, {0, 5}, {1, 1, 4}, {3, 3, 3, 2}};
        for (long[] batch : batches) {
            INDArray x = Nd4j.vstack(Arrays.stream(batch).mapToObj(table::getRow).toArray(INDArray[]::new));
            INDArray out = x.mmul(weight.transpose());
            INDArray dy = out.mul(2);
            INDArray expectedWeight = dy.transpose().mmul(x);
            INDArray rowGrads = dy.mmul(weight);
            INDArray expectedTable = Nd4j.zeros(DataType.FLOAT, 6, 3);
            for (int i = 0; i < batch.length; i++) {
                expectedTable.getRow(batch[i]).addi(rowGrads.getRow(i));
            }
            try (Graph.Pass pass = g.backward(Map.of("ids", Nd4j.createFromArray(batch)), List.of("emb.weight", "fc.weight"),
                    List.of("loss"))) {
                assertThat(pass.gradients().get("emb.weight").sub(expectedTable).amaxNumber().doubleValue()).isLessThan(1e-5);
                assertThat(pass.gradients().get("fc.weight").sub(expectedWeight).amaxNumber().doubleValue()).isLessThan(1e-5);
                assertThat(pass.outputs().get("loss").getDouble()).isCloseTo(out.mul(out).sumNumber().doubleValue(), within(1e-4));
            }
        }
        assertThat(table.sumNumber().doubleValue()).as("weights are never recycled").isPositive();
    }

    @Test
    void graphsShareTheWeightArraysTheyAreGiven() {
        INDArray weight = Nd4j.createFromArray(new float[][] {{2}});
        Map<String, INDArray> weights = Map.of("fc.weight", weight);
        Graph g = Graph.of(weights);
        SDVariable x = g.sameDiff().placeHolder("x", DataType.FLOAT, -1, 1);
        SDVariable y = new Linear("fc", 1, 1, false).apply(g, x);
        Map<String, INDArray> in = Map.of("x", Nd4j.createFromArray(new float[][] {{3}}));
        assertThat(g.sameDiff().output(in, y.name()).get(y.name()).getFloat(0)).isEqualTo(6f);
        weight.putScalar(0, 0, 5f);
        assertThat(g.sameDiff().output(in, y.name()).get(y.name()).getFloat(0)).isEqualTo(15f);
    }

    @Test
    void aWeightOfTheWrongShapeIsNamed() {
        Graph g = Graph.of(Map.of("fc.weight", Nd4j.zeros(DataType.FLOAT, 3, 2)));
        assertThatThrownBy(() -> g.parameter(Parameter.of("fc.weight", 2, 3)))
                .isInstanceOf(WeightMismatchException.class)
                .hasMessageContaining("fc.weight is FLOAT [3, 2], the model expects FLOAT [2, 3]");
    }

    @Test
    void matchListsEveryProblemAndConvertsHalfPrecision() {
        List<Parameter> expected = List.of(Parameter.of("a", 2), Parameter.of("b", 2, 2), Parameter.of("c", 1));
        Map<String, INDArray> state = new LinkedHashMap<>();
        state.put("a", Nd4j.ones(DataType.HALF, 2));
        state.put("b", Nd4j.ones(DataType.FLOAT, 2, 3));
        state.put("extra", Nd4j.ones(DataType.FLOAT, 1));
        state.put("ignored.buffer", Nd4j.ones(DataType.INT64, 1));
        assertThatThrownBy(() -> Parameters.match("m.safetensors", expected, state, n -> n.startsWith("ignored.")))
                .isInstanceOf(WeightMismatchException.class)
                .satisfies(e -> assertThat(((WeightMismatchException) e).problems()).containsExactly(
                        "tensor b has shape [2, 3], the model expects [2, 2]",
                        "missing tensor c, expected shape [1]",
                        "unexpected tensor extra [1] (the configuration does not use it)"));
        state.put("b", Nd4j.ones(DataType.FLOAT, 2, 2));
        state.put("c", Nd4j.ones(DataType.FLOAT, 1));
        state.remove("extra");
        Map<String, INDArray> matched = Parameters.match("m.safetensors", expected, state, n -> n.startsWith("ignored."));
        assertThat(matched.keySet()).containsExactly("a", "b", "c");
        assertThat(matched.get("a").dataType()).isEqualTo(DataType.FLOAT);
        assertThat(Parameters.count(expected)).isEqualTo(7);
    }

    @Test
    void poolBuildsAtMostCapacityReplicasEachConfinedToItsOwnThread() throws Exception {
        AtomicInteger built = new AtomicInteger();
        AtomicInteger inUse = new AtomicInteger();
        AtomicInteger maxInUse = new AtomicInteger();
        Map<Object, Boolean> busy = new HashMap<>();
        GraphPool<Object> pool = new GraphPool<>(() -> {
            built.incrementAndGet();
            return new Object();
        }, 3);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(threads.submit(() -> pool.apply(replica -> {
                    assertThat(Thread.currentThread().getName()).startsWith("graph-replica-");
                    synchronized (busy) {
                        assertThat(busy.put(replica, true)).isNull();
                    }
                    maxInUse.accumulateAndGet(inUse.incrementAndGet(), Math::max);
                    Thread.onSpinWait();
                    inUse.decrementAndGet();
                    synchronized (busy) {
                        busy.remove(replica);
                    }
                    return null;
                })));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
            pool.close();
        }
        assertThat(built.get()).isBetween(1, 3);
        assertThat(maxInUse.get()).isLessThanOrEqualTo(3);
    }
}
