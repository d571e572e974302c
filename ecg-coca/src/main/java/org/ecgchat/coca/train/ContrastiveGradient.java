package org.ecgchat.coca.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The symmetric contrastive (CLIP) loss of a whole accumulated batch and its gradients with
 * respect to the latents and the logit scale, in closed form. With {@code S = e^s·E·Tᵀ} over
 * {@code N} pairs and weight {@code w}:
 * {@code L = w/2·(mean_i lse(S_i·) + mean_j lse(S_·j) − 2·mean diag S)},
 * {@code ∂L/∂S = w/(2N)·(softmax_rows S + softmax_cols S − 2I)}, {@code ∂L/∂E = e^s·∂L/∂S·T},
 * {@code ∂L/∂T = e^s·(∂L/∂S)ᵀ·E}, {@code ∂L/∂s = Σ ∂L/∂S ⊙ S}. Computed in double precision.
 *
 * @param loss the weighted loss
 * @param ecgGrad {@code ∂L/∂E}, FLOAT {@code [N, D]}
 * @param textGrad {@code ∂L/∂T}, FLOAT {@code [N, D]}
 * @param logitScaleGrad {@code ∂L/∂s} for the learnable {@code logit_scale} {@code s}
 */
record ContrastiveGradient(double loss, INDArray ecgGrad, INDArray textGrad, double logitScaleGrad) {

    static ContrastiveGradient of(INDArray ecgLatent, INDArray textLatent, double logitScale, double weight) {
        INDArray e = ecgLatent.castTo(DataType.DOUBLE);
        INDArray t = textLatent.castTo(DataType.DOUBLE);
        long n = e.size(0);
        double scale = Math.exp(logitScale);
        INDArray s = e.mmul(t.transpose()).muli(scale);
        INDArray rowMax = s.max(1);
        INDArray rowExp = Transforms.exp(s.subColumnVector(rowMax), false);
        INDArray rowSum = rowExp.sum(1);
        INDArray colMax = s.max(0);
        INDArray colExp = Transforms.exp(s.subRowVector(colMax), false);
        INDArray colSum = colExp.sum(0);
        double rowLse = Transforms.log(rowSum, true).addi(rowMax).meanNumber().doubleValue();
        double colLse = Transforms.log(colSum, true).addi(colMax).meanNumber().doubleValue();
        double diagonal = Nd4j.diag(s).meanNumber().doubleValue();
        double loss = weight / 2 * (rowLse + colLse - 2 * diagonal);

        INDArray g = rowExp.diviColumnVector(rowSum).addi(colExp.diviRowVector(colSum))
                .subi(Nd4j.eye(n).castTo(DataType.DOUBLE).muli(2)).muli(weight / (2.0 * n));
        double scaleGrad = g.mul(s).sumNumber().doubleValue();
        INDArray ecgGrad = g.mmul(t).muli(scale).castTo(DataType.FLOAT);
        INDArray textGrad = g.transpose().mmul(e).muli(scale).castTo(DataType.FLOAT);
        return new ContrastiveGradient(loss, ecgGrad, textGrad, scaleGrad);
    }
}
