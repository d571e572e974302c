/**
 * Zero-shot classification as ECG-Chat evaluates it: class names turned into CKEPE descriptive
 * prompts, prompts embedded by a text tower, and {@code sigmoid(scale * ecg . prompt)} scored
 * with the classification metrics.
 */
package org.ecgchat.eval.zeroshot;
