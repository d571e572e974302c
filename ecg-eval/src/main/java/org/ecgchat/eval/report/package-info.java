/**
 * What people read: per-class tables (CSV, JSON, Markdown), ROC and precision-recall curves as
 * PNG, a self-contained HTML page of an evaluation run, and the score/label table readers of the
 * {@code ecg-chat eval} command. Files are written to a temporary file and atomically renamed.
 */
package org.ecgchat.eval.report;
