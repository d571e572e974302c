package org.ecgchat.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.caption.Caption;
import org.ecgchat.coca.caption.CaptionSettings;
import org.ecgchat.coca.caption.Captioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecg-chat caption --model PATH [--strategy greedy|beam|top-k|top-p] ... RECORD...}: a report
 * for each WFDB record from the ECG-CoCa decoder, one JSON line per record.
 */
@Command(name = "caption", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Generate a report for each WFDB record with an ECG-CoCa model's captioning",
            "decoder, as open_clip's CoCa.generate. One JSON line per record:",
            "{\"record\", \"caption\", \"tokens\"[, \"score\"]}. Defaults are open_clip's (beam search,",
            "6 beams in 3 groups, 5 to 30 tokens); options override them, --settings reads",
            "them from JSON with open_clip's argument names. Records are prepared as",
            "'ecg-chat embed' does. A model whose text tower is CLS-pooled needs the",
            "caption's first word(s) as --prefix."})
public final class CaptionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CocaOptions coca;

    @Mixin
    TokenizerOption tokenizer;

    @Option(names = "--settings", paramLabel = "JSON", description = "generation settings (open_clip argument names)")
    Path settingsFile;

    @Option(names = "--strategy", paramLabel = "S", description = "greedy, beam, top-k or top-p")
    String strategy;

    @Option(names = "--seq-len", paramLabel = "N", description = "longest output in tokens, start token included (30)")
    Integer seqLen;

    @Option(names = "--min-seq-len", paramLabel = "N", description = "no end token below this length (5)")
    Integer minSeqLen;

    @Option(names = "--max-seq-len", paramLabel = "N",
            description = "sampling: tokens the model sees (default: as many as its decoder accepts)")
    Integer maxSeqLen;

    @Option(names = "--temperature", paramLabel = "T", description = "sampling temperature (1)")
    Double temperature;

    @Option(names = "--top-k", paramLabel = "K", description = "tokens kept by top-k sampling (1)")
    Integer topK;

    @Option(names = "--top-p", paramLabel = "P", description = "probability mass kept by top-p sampling (0.1)")
    Double topP;

    @Option(names = "--num-beams", paramLabel = "N", description = "beams per record (6)")
    Integer numBeams;

    @Option(names = "--num-beam-groups", paramLabel = "N", description = "diverse beam search groups (3)")
    Integer numBeamGroups;

    @Option(names = "--diversity-penalty", paramLabel = "X", description = "Hamming diversity between groups (0)")
    Double diversityPenalty;

    @Option(names = "--length-penalty", paramLabel = "X", description = "finished beams score sum / length^X (1)")
    Double lengthPenalty;

    @Option(names = "--early-stopping", paramLabel = "RULE", description = "heuristic, first or never (heuristic)")
    String earlyStopping;

    @Option(names = "--repetition-penalty", paramLabel = "X", description = "penalty on repeated tokens (1 = none)")
    Double repetitionPenalty;

    @Option(names = "--fixed-output-length", description = "pad token ids to --seq-len")
    boolean fixedOutputLength;

    @Option(names = "--beam-scores", paramLabel = "S",
            description = "beam search adds up 'logits' (open_clip) or 'log-probs' (Hugging Face)")
    String beamScores;

    @Option(names = "--seed", paramLabel = "N", description = "sampling seed (0); record i draws from seed and i")
    Long seed;

    @Option(names = "--prefix", paramLabel = "TEXT", defaultValue = "",
            description = "text every caption starts with (the start token comes before it)")
    String prefix;

    @Option(names = "--out", paramLabel = "FILE", description = "write the JSON lines here (default: standard output)")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "RECORD", description = "record paths (without extension, or the .hea file)")
    List<Path> records;

    @Override
    public Integer call() throws IOException {
        CaptionSettings settings = settings();
        try (CocaModel model = coca.loadModel(); Captioner captioner = new Captioner(model, tokenizer.load(coca.model))) {
            TextOutput.write(out, spec.commandLine().getOut(), w -> caption(model, captioner, settings, w));
        }
        return 0;
    }

    private void caption(CocaModel model, Captioner captioner, CaptionSettings settings, Writer sink) throws IOException {
        ObjectMapper json = new ObjectMapper();
        coca.forEachBatch(model, records, "caption", out != null, (part, ecg, first) -> {
            List<Caption> captions = captioner.caption(ecg, prefix, settings, first);
            for (int i = 0; i < part.size(); i++) {
                Caption c = captions.get(i);
                ObjectNode line = json.createObjectNode();
                line.put("record", part.get(i).toString());
                line.put("caption", c.text());
                line.putPOJO("tokens", c.tokens());
                c.score().ifPresent(s -> line.put("score", s));
                sink.write(json.writeValueAsString(line));
                sink.write('\n');
            }
        });
    }

    /** {@code --settings} (or open_clip's defaults) with the options given on the command line. */
    CaptionSettings settings() throws IOException {
        CaptionSettings base = settingsFile != null ? CaptionSettings.read(settingsFile) : CaptionSettings.defaults();
        CaptionSettings.Builder b = base.toBuilder();
        if (strategy != null) {
            b.strategy(switch (strategy.toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "greedy" -> CaptionSettings.Strategy.GREEDY;
                case "beam", "beam-search" -> CaptionSettings.Strategy.BEAM_SEARCH;
                case "top-k" -> CaptionSettings.Strategy.TOP_K;
                case "top-p" -> CaptionSettings.Strategy.TOP_P;
                default -> throw new IllegalArgumentException("--strategy " + strategy
                        + " is not one of greedy, beam, top-k, top-p");
            });
        }
        if (earlyStopping != null) {
            b.earlyStopping(switch (earlyStopping.toLowerCase(Locale.ROOT)) {
                case "heuristic", "false" -> CaptionSettings.EarlyStopping.HEURISTIC;
                case "first", "true" -> CaptionSettings.EarlyStopping.FIRST;
                case "never" -> CaptionSettings.EarlyStopping.NEVER;
                default -> throw new IllegalArgumentException("--early-stopping " + earlyStopping
                        + " is not one of heuristic, first, never");
            });
        }
        if (beamScores != null) {
            b.beamScores(switch (beamScores.toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "logits" -> CaptionSettings.BeamScores.LOGITS;
                case "log-probs" -> CaptionSettings.BeamScores.LOG_PROBS;
                default -> throw new IllegalArgumentException("--beam-scores " + beamScores
                        + " is not one of logits, log-probs");
            });
        }
        if (seqLen != null) {
            b.seqLen(seqLen);
        }
        if (minSeqLen != null) {
            b.minSeqLen(minSeqLen);
        }
        if (maxSeqLen != null) {
            b.maxSeqLen(maxSeqLen);
        }
        if (temperature != null) {
            b.temperature(temperature);
        }
        if (topK != null) {
            b.topK(topK);
        }
        if (topP != null) {
            b.topP(topP);
        }
        if (numBeams != null || numBeamGroups != null) {
            b.beams(numBeams != null ? numBeams : base.numBeams(),
                    numBeamGroups != null ? numBeamGroups : base.numBeamGroups());
        }
        if (diversityPenalty != null) {
            b.diversityPenalty(diversityPenalty);
        }
        if (lengthPenalty != null) {
            b.lengthPenalty(lengthPenalty);
        }
        if (repetitionPenalty != null) {
            b.repetitionPenalty(repetitionPenalty);
        }
        if (fixedOutputLength) {
            b.fixedOutputLength(true);
        }
        if (seed != null) {
            b.seed(seed);
        }
        return b.build();
    }
}
