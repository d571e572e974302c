/**
 * Evaluation of ECG models: classification metrics, linear probe, zero-shot and retrieval runners,
 * report-generation metrics and the tables and plots people read.
 */
package org.ecgchat.eval;
