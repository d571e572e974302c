package org.ecgchat.coca;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgchat.nn.tokenize.BasicTokenizer;
import org.ecgchat.nn.tokenize.BertTokenizer;

/**
 * A hand-made BERT vocabulary for the fixture model's 100 token ids: 0 [PAD], 1 [CLS], 2 [SEP],
 * 3 [UNK], 4 [MASK], then the words {@code w5} … {@code w99}, so that the text "w69 w7" encodes
 * to [1, 69, 7, 2] like the fixture's token ids.
 */
public final class FixtureVocabulary {

    private FixtureVocabulary() {}

    /** Writes {@code vocab.txt} into {@code dir} and returns its path. */
    public static Path write(Path dir) throws IOException {
        List<String> lines = new ArrayList<>(List.of("[PAD]", "[CLS]", "[SEP]", "[UNK]", "[MASK]"));
        for (int i = 5; i < 100; i++) {
            lines.add("w" + i);
        }
        return Files.write(dir.resolve("vocab.txt"), lines);
    }

    /** The tokenizer over that vocabulary. */
    public static BertTokenizer tokenizer(Path dir) throws IOException {
        return BertTokenizer.fromVocab(write(dir), BasicTokenizer.UNCASED);
    }

    /** The text of token ids (special ids written as their tokens, padding dropped). */
    public static String text(long[] ids) {
        StringBuilder s = new StringBuilder();
        String[] special = {"", "[CLS]", "[SEP]", "[UNK]", "[MASK]"};
        for (long id : ids) {
            if (id == 0 || id == 1 || id == 2) {
                continue;
            }
            s.append(s.length() > 0 ? " " : "").append(id < 5 ? special[(int) id] : "w" + id);
        }
        return s.toString();
    }
}
