package org.ecgchat.eval.nlg;

import java.util.function.Supplier;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

/** English stemmers for METEOR's stem module (Apache OpenNLP's Snowball implementations). */
public enum Stemmer {
    /** The original Porter (1980) algorithm, as NLTK's METEOR uses (NLTK adds a few extensions). */
    PORTER(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.PORTER)),
    /** Snowball English ("Porter2"), the stemmer of METEOR 1.5. */
    ENGLISH(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH));

    // Snowball stemmers keep state while stemming: one per thread
    private final ThreadLocal<SnowballStemmer> local;

    Stemmer(Supplier<SnowballStemmer> factory) {
        this.local = ThreadLocal.withInitial(factory);
    }

    /** The stem of a lower-case word. */
    public String stem(String word) {
        return local.get().stem(word).toString();
    }
}
