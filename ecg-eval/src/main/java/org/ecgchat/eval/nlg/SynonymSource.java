package org.ecgchat.eval.nlg;

import java.util.Map;
import java.util.Set;

/**
 * Synonyms for METEOR's synonym module: the words that count as a match for a hypothesis word.
 * NLTK uses WordNet's lemma names of every synset of the word; any thesaurus (a WordNet library,
 * a clinical synonym list) can be plugged in. None is bundled.
 */
@FunctionalInterface
public interface SynonymSource {
    /** No synonym matching. */
    SynonymSource NONE = word -> Set.of();

    /** Synonyms of a lower-case word (the word itself need not be included). */
    Set<String> synonyms(String word);

    /** A fixed table (symmetric closure is the caller's choice). */
    static SynonymSource of(Map<String, Set<String>> table) {
        Map<String, Set<String>> copy = Map.copyOf(table);
        return word -> copy.getOrDefault(word, Set.of());
    }
}
