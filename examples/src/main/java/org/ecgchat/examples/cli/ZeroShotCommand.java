package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.zeroshot.CocaTextEncoder;
import org.ecgchat.eval.EvalInputException;
import org.ecgchat.eval.classification.ClassificationEvaluator;
import org.ecgchat.eval.classification.ClassificationReport;
import org.ecgchat.eval.classification.MultiLabelData;
import org.ecgchat.eval.report.ClassificationTables;
import org.ecgchat.eval.report.EvaluationRun;
import org.ecgchat.eval.report.ScoreTables;
import org.ecgchat.eval.zeroshot.CkepePrompts;
import org.ecgchat.eval.zeroshot.ZeroShotClassifier;
import org.ecgchat.eval.zeroshot.ZeroShotResult;
import org.ecgchat.io.dataset.LabelSets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecg-chat zero-shot --model PATH --labels SET RECORD...}: zero-shot diagnosis of WFDB records
 * with class prompts, {@code sigmoid(exp(logit_scale) · ecg · prompt)} per class, and with true
 * labels the ecg-eval tables, curves and HTML page.
 */
@Command(name = "zero-shot", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Zero-shot diagnosis with an ECG-CoCa model: every class label becomes its",
            "prompt (CKEPE or your own), prompts and records are embedded, and each record",
            "gets sigmoid(exp(logit_scale) * cosine) per class. Scores go to scores.csv",
            "(id = the record as given); with --labels-csv also the per-class AUROC, max-F1",
            "and accuracy tables, ROC/PR curves and report.html as 'ecg-chat eval' writes",
            "them. Records are prepared as 'ecg-chat embed' does."})
public final class ZeroShotCommand implements Callable<Integer> {

    /** The environment variable naming a folder laid out as ECG-Chat's metadata (label sets, prompts). */
    static final String METADATA = "ECGCHAT_METADATA";

    @Spec
    CommandSpec spec;

    @Mixin
    CocaOptions coca;

    @Mixin
    TokenizerOption tokenizer;

    @Option(names = "--labels", required = true, paramLabel = "SET|L1,L2,...",
            description = "a label set of --label-sets (ptbxl_super_class, cpsc2018, ...) or comma-separated labels")
    String labels;

    @Option(names = "--label-sets", paramLabel = "JSON",
            description = "zero_shot_classes.json (default: $" + METADATA + "/zero_shot_classes.json)")
    Path labelSets;

    @Option(names = "--prompts", paramLabel = "JSON",
            description = "prompts by label key, CKEPE_prompt.json or your own (default: $" + METADATA
                    + "/prompts/CKEPE_prompt.json)")
    Path prompts;

    @Option(names = "--labels-csv", paramLabel = "CSV",
            description = "true labels 0/1: header 'id' then class names; ids are records as given or their names")
    Path truth;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "write scores.csv (and with --labels-csv the evaluation files) here; default: scores to stdout")
    Path out;

    @Option(names = "--title", defaultValue = "Zero-shot diagnosis", description = "title of the evaluation")
    String title;

    @Parameters(arity = "1..*", paramLabel = "RECORD", description = "record paths (without extension, or the .hea file)")
    List<Path> records;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        List<String> classes = classes();
        CkepePrompts classPrompts = CkepePrompts.load(metadataFile(prompts, "--prompts", "prompts/CKEPE_prompt.json"));
        List<String> ids = records.stream().map(Path::toString).toList();
        double[][] labels = truth == null ? null : labelsOf(ScoreTables.readTable(truth), classes, ids);

        double[][] scores;
        ClassificationReport report = null;
        try (CocaModel model = coca.loadModel()) {
            CocaTextEncoder encoder = new CocaTextEncoder(model, tokenizer.load(coca.model));
            double[][] ecg = new double[records.size()][];
            coca.forEachBatch(model, records, "zero-shot", true, (part, batch, first) -> {
                double[][] latents = model.encodeEcg(batch).toDoubleMatrix();
                System.arraycopy(latents, 0, ecg, first, latents.length);
            });
            if (labels == null) {
                double[][] classEmbeddings = encoder.encode(classPrompts.promptsFor(classes));
                scores = ZeroShotClassifier.scores(ecg, classEmbeddings, model.logitScale(), true);
            } else {
                ZeroShotResult result = ZeroShotClassifier.run(classes, classPrompts, encoder, ecg, labels,
                        model.logitScale(), ClassificationEvaluator.defaults());
                scores = result.scores();
                report = result.report();
            }
        }
        if (out != null) {
            TextOutput.write(out.resolve("scores.csv"), stdout, w -> writeScores(w, classes, ids, scores));
        }
        if (labels != null) {
            EvaluationRun run = new EvaluationRun(title, MultiLabelData.fromRows(classes, scores, labels), report,
                    Map.of());
            if (out != null) {
                EvalOutputs.write(run, out, EnumSet.allOf(EvalOutputs.Format.class));
            }
            stdout.print(ClassificationTables.toMarkdown(run));
        } else if (out == null) {
            writeScores(stdout, classes, ids, scores);
        }
        stdout.flush();
        return 0;
    }

    /** The labels: a set of the label-set file, else the comma-separated list. */
    private List<String> classes() throws IOException {
        Path file = labelSets != null ? labelSets : metadataOrNull("zero_shot_classes.json");
        if (file != null) {
            LabelSets sets = LabelSets.read(file);
            if (sets.names().contains(labels) || !labels.contains(",")) {
                return sets.get(labels).labels();
            }
        } else if (!labels.contains(",")) {
            throw new IllegalArgumentException("--labels " + labels + " names a label set, but there is no label-set file:"
                    + " give --label-sets zero_shot_classes.json (or set " + METADATA + "), or list labels as L1,L2,...");
        }
        List<String> list = Arrays.stream(labels.split(",")).map(String::trim).toList();
        if (list.stream().anyMatch(String::isEmpty) || list.stream().distinct().count() != list.size()) {
            throw new IllegalArgumentException("--labels " + labels + ": labels must be distinct and non-empty");
        }
        return list;
    }

    private static Path metadataOrNull(String relative) {
        String dir = System.getenv(METADATA);
        return dir == null ? null : Path.of(dir, relative);
    }

    private static Path metadataFile(Path given, String option, String relative) throws NoSuchFileException {
        Path file = given != null ? given : metadataOrNull(relative);
        if (file == null) {
            throw new IllegalArgumentException("no " + option + " file: give " + option + " or set " + METADATA
                    + " to ECG-Chat's metadata folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, option);
        }
        return file;
    }

    /**
     * The label rows of the records, in record order: the table's {@code id} column matched against
     * each record as given, or else its file name.
     */
    private double[][] labelsOf(ScoreTables.Table table, List<String> classes, List<String> ids) {
        if (table.ids() == null) {
            throw new EvalInputException(truth + ": the first column must be 'id' (the records as given, or their names)");
        }
        int[] columns = new int[classes.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = table.columns().indexOf(classes.get(c));
            if (columns[c] < 0) {
                throw new EvalInputException(truth + ": no column '" + classes.get(c) + "' (header: "
                        + table.columns() + ")");
            }
        }
        Map<String, Integer> rows = new HashMap<>();
        for (int r = 0; r < table.ids().size(); r++) {
            if (rows.put(table.ids().get(r), r) != null) {
                throw new EvalInputException(truth + " line " + (r + 2) + ": id '" + table.ids().get(r) + "' repeats");
            }
        }
        double[][] labels = new double[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            Integer r = rows.get(ids.get(i));
            String name = recordName(ids.get(i));
            if (r == null) {
                r = rows.get(name);
            }
            if (r == null) {
                throw new EvalInputException(truth + ": no row with id '" + ids.get(i) + "' or '" + name + "'");
            }
            labels[i] = new double[columns.length];
            for (int c = 0; c < columns.length; c++) {
                labels[i][c] = table.values()[r][columns[c]];
            }
        }
        return labels;
    }

    /** The record's file name without a {@code .hea} extension. */
    private static String recordName(String record) {
        Path file = Path.of(record).getFileName();
        String name = file == null ? record : file.toString();
        return name.endsWith(".hea") ? name.substring(0, name.length() - 4) : name;
    }

    private static void writeScores(Writer w, List<String> classes, List<String> ids, double[][] scores)
            throws IOException {
        ScoreTables.writeTable(w, new ScoreTables.Table(classes, ids, scores));
    }
}
