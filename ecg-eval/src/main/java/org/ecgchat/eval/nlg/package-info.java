/**
 * Report-generation metrics as the captioning evaluation toolkits compute them: PTB-style
 * tokenisation with punctuation removal (coco-caption), corpus BLEU-1..4 with smoothing options,
 * METEOR (exact, stem and optional synonym matching), ROUGE-L and CIDEr-D.
 */
package org.ecgchat.eval.nlg;
