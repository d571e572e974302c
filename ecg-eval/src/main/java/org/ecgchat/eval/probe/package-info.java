/**
 * Linear probe: L2-regularised logistic regression per class on frozen features, solved by
 * L-BFGS with a More-Thuente line search, as scikit-learn's default {@code LogisticRegression}.
 */
package org.ecgchat.eval.probe;
