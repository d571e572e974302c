package org.ecgchat.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgchat.nn.tokenize.BertTokenizer;
import org.ecgchat.nn.tokenize.TokenizerFormatException;
import picocli.CommandLine.Option;

/** The {@code --tokenizer} option of the commands that embed or decode text. */
final class TokenizerOption {

    @Option(names = {"--tokenizer", "--vocab"}, paramLabel = "PATH",
            description = "the text tower's tokenizer: vocab.txt, tokenizer.json or a folder with one"
                    + " (default: the one in the model's folder)")
    Path tokenizer;

    /** The tokenizer of {@code --tokenizer}, else a tokenizer.json or vocab.txt in the folder of {@code model}. */
    BertTokenizer load(Path model) throws IOException {
        if (tokenizer != null) {
            return BertTokenizer.load(tokenizer);
        }
        Path folder = Files.isDirectory(model) ? model : model.toAbsolutePath().getParent();
        for (String name : List.of("tokenizer.json", "vocab.txt")) {
            if (Files.isRegularFile(folder.resolve(name))) {
                return BertTokenizer.load(folder.resolve(name));
            }
        }
        throw new TokenizerFormatException("no tokenizer.json or vocab.txt in " + folder
                + ": give the text tower's tokenizer with --tokenizer (for ECG-Chat, MedCPT-Query-Encoder's vocab.txt)");
    }
}
