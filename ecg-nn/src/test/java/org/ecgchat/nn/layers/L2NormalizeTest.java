package org.ecgchat.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * L2 normalisation and its gradient {@code (g − y·(y·g)) / ‖x‖} for any number of rows, one row
 * included (where SameDiff's own division gets the gradient wrong).
 */
class L2NormalizeTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void valuesAndGradientMatchTheClosedForm(int rows) {
        Nd4j.getRandom().setSeed(rows);
        INDArray xv = Nd4j.rand(DataType.FLOAT, rows, 6).subi(0.5);
        INDArray gv = Nd4j.rand(DataType.FLOAT, rows, 6).subi(0.5);
        SameDiff sd = SameDiff.create();
        Graph graph = new Graph(sd, p -> null);
        SDVariable x = sd.var("x", xv);
        SDVariable y = L2Normalize.apply(graph, x);
        sd.setLossVariables(y.mul(sd.constant(gv)).sum());
        INDArray grad = sd.calculateGradients(Map.of(), "x").get("x");

        INDArray norm = xv.norm2(true, 1);
        INDArray expectedY = xv.divColumnVector(norm);
        INDArray expectedGrad = gv.sub(expectedY.mulColumnVector(expectedY.mul(gv).sum(true, 1))).divColumnVector(norm);
        assertThat(y.eval().sub(expectedY).amaxNumber().doubleValue()).isLessThan(1e-6);
        assertThat(grad.sub(expectedGrad).amaxNumber().doubleValue()).isLessThan(1e-5);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void zeroRowsStayZero(int rows) {
        SameDiff sd = SameDiff.create();
        SDVariable y = L2Normalize.apply(new Graph(sd, p -> null), sd.constant(Nd4j.zeros(DataType.FLOAT, rows, 4)));
        assertThat(y.eval().amaxNumber().doubleValue()).isZero();
    }
}
