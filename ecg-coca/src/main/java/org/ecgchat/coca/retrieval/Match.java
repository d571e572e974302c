package org.ecgchat.coca.retrieval;

/**
 * One retrieved item of an {@link EmbeddingIndex}.
 *
 * @param index position of the item in the index
 * @param id the item's id (record name, report id)
 * @param text the item's text (the report; for ECGs the record path, or empty)
 * @param score cosine similarity to the query
 */
public record Match(int index, String id, String text, double score) {
}
