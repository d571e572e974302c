/** Cross-modal retrieval between ECG and report embeddings, scored in both directions. */
package org.ecgchat.eval.retrieval;
