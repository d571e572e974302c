package org.ecgchat.nn.tokenize;

import java.util.List;

/**
 * Greedy longest-match-first WordPiece: a word becomes the longest vocabulary prefix, then the
 * longest {@code ##}-continuation of the rest, and so on; a word that cannot be covered entirely,
 * or is longer than {@code maxInputCharsPerWord} code points, becomes the unknown token.
 *
 * @param vocabulary the pieces
 * @param unknownToken the token for words that cannot be split ({@code [UNK]})
 * @param continuingSubwordPrefix the mark of non-initial pieces ({@code ##})
 * @param maxInputCharsPerWord longer words are unknown (100 in BERT)
 */
public record WordPiece(Vocabulary vocabulary, String unknownToken, String continuingSubwordPrefix,
                        int maxInputCharsPerWord) {
    /** Checks that the unknown token is in the vocabulary. */
    public WordPiece {
        if (!vocabulary.contains(unknownToken)) {
            throw new TokenizerFormatException("unknown token '" + unknownToken + "' is not in the vocabulary");
        }
    }

    /** Appends the pieces of one word (already normalised and split by {@link BasicTokenizer}). */
    public void split(String word, List<String> pieces) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > maxInputCharsPerWord) {
            pieces.add(unknownToken);
            return;
        }
        int mark = pieces.size();
        int start = 0;
        while (start < cps.length) {
            String match = null;
            for (int end = cps.length; end > start; end--) {
                String candidate = new String(cps, start, end - start);
                if (start > 0) {
                    candidate = continuingSubwordPrefix + candidate;
                }
                if (vocabulary.contains(candidate)) {
                    match = candidate;
                    start = end;
                    break;
                }
            }
            if (match == null) {
                pieces.subList(mark, pieces.size()).clear();
                pieces.add(unknownToken);
                return;
            }
            pieces.add(match);
        }
    }
}
