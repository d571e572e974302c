package org.ecgchat.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecgchat.coca.CocaModel;
import org.ecgchat.coca.retrieval.EmbeddingIndex;
import org.ecgchat.coca.retrieval.Match;
import org.ecgchat.coca.zeroshot.CocaTextEncoder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecg-chat retrieve}: ECG ↔ report retrieval with an ECG-CoCa model. Indexes of report or
 * ECG embeddings are built once ({@code index-reports}, {@code index-ecgs}) and searched by exact
 * cosine top-k ({@code reports}: ECG → reports, {@code ecgs}: report → ECGs); either search can
 * also embed its candidates on the fly.
 */
@Command(name = "retrieve", mixinStandardHelpOptions = true,
        description = {"ECG <-> report retrieval with an ECG-CoCa model (exact cosine top-k).",
            "Build indexes once (index-reports, index-ecgs: NAME.safetensors + NAME.json),",
            "then search: 'reports' finds the reports closest to each record, 'ecgs' the",
            "records closest to each report text. Results are JSON lines",
            "{\"query\", \"matches\": [{\"rank\", \"id\", \"text\", \"score\"}]}."},
        subcommands = {
            RetrieveCommand.IndexReports.class,
            RetrieveCommand.IndexEcgs.class,
            RetrieveCommand.Reports.class,
            RetrieveCommand.Ecgs.class,
        })
public final class RetrieveCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every subcommand shares: the model it runs, loaded and closed here, and the embedding and output steps. */
    abstract static class Subcommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        CocaOptions coca;

        @Override
        public Integer call() throws IOException {
            try (CocaModel model = coca.loadModel()) {
                run(model);
            }
            return 0;
        }

        abstract void run(CocaModel model) throws IOException;

        /** The L2-normalised ECG embeddings of the records, in order. */
        INDArray embedRecords(CocaModel model, List<Path> records) throws IOException {
            INDArray all = Nd4j.create(DataType.FLOAT, records.size(), model.config().embedDim());
            coca.forEachBatch(model, records, "embed", true, (part, ecg, first) -> all.get(
                    NDArrayIndex.interval(first, first + part.size()), NDArrayIndex.all()).assign(model.encodeEcg(ecg)));
            return all;
        }

        EmbeddingIndex reportIndex(CocaModel model, Path reportsFile, TokenizerOption tokenizer) throws IOException {
            ReportsFile reports = ReportsFile.read(reportsFile);
            CocaTextEncoder encoder = new CocaTextEncoder(model, tokenizer.load(coca.model));
            return EmbeddingIndex.of(EmbeddingIndex.Kind.REPORTS, reports.ids(), reports.texts(),
                    encoder.embed(reports.texts()));
        }

        EmbeddingIndex ecgIndex(CocaModel model, List<Path> records) throws IOException {
            List<String> ids = records.stream().map(Path::toString).toList();
            return EmbeddingIndex.of(EmbeddingIndex.Kind.ECGS, ids, ids.stream().map(id -> "").toList(),
                    embedRecords(model, records));
        }

        /** Writes one JSON line per query with its matches, to {@code out} or standard output. */
        void writeMatches(Path out, List<String> queries, List<List<Match>> matches) throws IOException {
            TextOutput.write(out, spec.commandLine().getOut(), w -> writeMatches(w, queries, matches));
        }

        private static void writeMatches(Writer w, List<String> queries, List<List<Match>> matches) throws IOException {
            ObjectMapper json = new ObjectMapper();
            for (int q = 0; q < queries.size(); q++) {
                ObjectNode line = json.createObjectNode();
                line.put("query", queries.get(q));
                ArrayNode list = line.putArray("matches");
                int rank = 1;
                for (Match m : matches.get(q)) {
                    list.addObject().put("rank", rank++).put("id", m.id()).put("text", m.text()).put("score", m.score());
                }
                w.write(json.writeValueAsString(line));
                w.write('\n');
            }
        }

        static void requireKind(EmbeddingIndex index, EmbeddingIndex.Kind kind, Path file, String builder) {
            if (index.kind() != kind) {
                throw new IllegalArgumentException(file + " is an index of " + index.kind().name().toLowerCase(Locale.ROOT)
                        + "; this search needs one of " + kind.name().toLowerCase(Locale.ROOT) + " (ecg-chat retrieve "
                        + builder + ")");
            }
        }
    }

    /** {@code retrieve index-reports}: embeds a file of reports into an index. */
    @Command(name = "index-reports", sortOptions = false, mixinStandardHelpOptions = true,
            description = {"Embed reports with the text tower into an index",
                "(NAME.safetensors + NAME.json). Reports: a .csv with a 'report' or 'text'",
                "column (and optionally 'id'), or a text file with one report per line",
                "(id = line number)."})
    static final class IndexReports extends Subcommand {

        @Mixin
        TokenizerOption tokenizer;

        @Option(names = "--reports", required = true, paramLabel = "FILE", description = "the reports (.csv or text)")
        Path reports;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "NAME", description = "index to write")
        Path out;

        @Override
        void run(CocaModel model) throws IOException {
            EmbeddingIndex index = reportIndex(model, reports, tokenizer);
            index.save(out);
            spec.commandLine().getOut().println(index.size() + " reports indexed in " + out);
            spec.commandLine().getOut().flush();
        }
    }

    /** {@code retrieve index-ecgs}: embeds WFDB records into an index. */
    @Command(name = "index-ecgs", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Embed WFDB records with the ECG tower into an index (NAME.safetensors + NAME.json).")
    static final class IndexEcgs extends Subcommand {

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "NAME", description = "index to write")
        Path out;

        @Parameters(arity = "1..*", paramLabel = "RECORD", description = "record paths (without extension, or the .hea file)")
        List<Path> records;

        @Override
        void run(CocaModel model) throws IOException {
            EmbeddingIndex index = ecgIndex(model, records);
            index.save(out);
            spec.commandLine().getOut().println(index.size() + " records indexed in " + out);
            spec.commandLine().getOut().flush();
        }
    }

    /** Where the candidates of a search come from: a saved index or a reports file. */
    static final class ReportSource {
        @Option(names = "--index", required = true, paramLabel = "NAME", description = "an index of reports")
        Path index;

        @Option(names = "--reports", required = true, paramLabel = "FILE",
                description = "reports to embed now (.csv or text), instead of an index")
        Path reports;
    }

    /** {@code retrieve reports}: ECG → top-k reports. */
    @Command(name = "reports", sortOptions = false, mixinStandardHelpOptions = true,
            description = "For each WFDB record, the k reports closest to its ECG embedding.")
    static final class Reports extends Subcommand {

        @Mixin
        TokenizerOption tokenizer;

        @ArgGroup(exclusive = true, multiplicity = "1")
        ReportSource source;

        @Option(names = {"-k", "--top-k"}, paramLabel = "K", defaultValue = "5", description = "matches per record (5)")
        int k;

        @Option(names = "--out", paramLabel = "FILE", description = "JSON lines file (default: standard output)")
        Path out;

        @Parameters(arity = "1..*", paramLabel = "RECORD", description = "record paths (without extension, or the .hea file)")
        List<Path> records;

        @Override
        void run(CocaModel model) throws IOException {
            EmbeddingIndex index;
            if (source.index != null) {
                index = EmbeddingIndex.load(source.index);
                requireKind(index, EmbeddingIndex.Kind.REPORTS, source.index, "index-reports");
            } else {
                index = reportIndex(model, source.reports, tokenizer);
            }
            List<List<Match>> matches = index.search(embedRecords(model, records), k);
            writeMatches(out, records.stream().map(Path::toString).toList(), matches);
        }
    }

    /** Where the candidates of a report → ECG search come from. */
    static final class EcgSource {
        @Option(names = "--index", required = true, paramLabel = "NAME", description = "an index of ECGs")
        Path index;

        @Option(names = "--records", required = true, arity = "1..*", paramLabel = "RECORD",
                description = "records to embed now, instead of an index")
        List<Path> records;
    }

    /** {@code retrieve ecgs}: report → top-k ECGs. */
    @Command(name = "ecgs", sortOptions = false, mixinStandardHelpOptions = true,
            description = "For each report text, the k WFDB records whose ECG embeddings are closest to it.")
    static final class Ecgs extends Subcommand {

        @Mixin
        TokenizerOption tokenizer;

        @ArgGroup(exclusive = true, multiplicity = "1")
        EcgSource source;

        @Option(names = {"-q", "--query"}, paramLabel = "TEXT", description = "a report text (repeatable)")
        List<String> queries = new ArrayList<>();

        @Option(names = "--queries", paramLabel = "FILE", description = "report texts (.csv or text), one query each")
        Path queryFile;

        @Option(names = {"-k", "--top-k"}, paramLabel = "K", defaultValue = "5", description = "matches per query (5)")
        int k;

        @Option(names = "--out", paramLabel = "FILE", description = "JSON lines file (default: standard output)")
        Path out;

        @Override
        void run(CocaModel model) throws IOException {
            List<String> texts = new ArrayList<>(queries);
            if (queryFile != null) {
                texts.addAll(ReportsFile.read(queryFile).texts());
            }
            if (texts.isEmpty()) {
                throw new IllegalArgumentException("no query: give --query TEXT or --queries FILE");
            }
            EmbeddingIndex index;
            if (source.index != null) {
                index = EmbeddingIndex.load(source.index);
                requireKind(index, EmbeddingIndex.Kind.ECGS, source.index, "index-ecgs");
            } else {
                index = ecgIndex(model, source.records);
            }
            CocaTextEncoder encoder = new CocaTextEncoder(model, tokenizer.load(coca.model));
            writeMatches(out, texts, index.search(encoder.embed(texts), k));
        }
    }
}
