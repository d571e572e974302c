/**
 * Binary, multi-label and multi-class classification metrics as scikit-learn computes them
 * (ROC AUC, average precision, precision-recall curve, max-F1 as in the original ECG-Chat
 * evaluation), per-class reports with macro averages, and bootstrap confidence intervals.
 */
package org.ecgchat.eval.classification;
