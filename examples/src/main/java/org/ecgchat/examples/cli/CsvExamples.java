package org.ecgchat.examples.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ecgchat.coca.CocaConfig;
import org.ecgchat.coca.EcgRecords;
import org.ecgchat.coca.train.CocaExample;
import org.ecgchat.coca.train.CocaExamples;
import org.ecgchat.io.preprocess.Preprocessor;

/**
 * Training pairs listed in a CSV file as open_clip's {@code CsvDataset} reads them: a column of
 * WFDB record paths (relative to the CSV's folder) and a column of reports. Records are read and
 * prepared for the model when asked for (on the trainer's loading thread), not held in memory.
 */
final class CsvExamples implements CocaExamples {

    private final Path file;
    private final List<Path> records = new ArrayList<>();
    private final List<String> reports = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();
    private final CocaConfig config;
    private final Preprocessor preprocessing;

    CsvExamples(Path file, char separator, String ecgKey, String captionKey, CocaConfig config,
            Preprocessor preprocessing) throws IOException {
        this.file = file;
        this.config = config;
        this.preprocessing = preprocessing;
        Path base = file.toAbsolutePath().getParent();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = format.parse(in)) {
            for (String key : List.of(ecgKey, captionKey)) {
                if (!csv.getHeaderMap().containsKey(key)) {
                    throw new IllegalArgumentException(file + ": no column '" + key + "' in the header "
                            + csv.getHeaderNames() + " (set csv_ecg_key / csv_caption_key / csv_separator)");
                }
            }
            for (CSVRecord row : csv) {
                if (!row.isConsistent()) {
                    throw new IllegalArgumentException(file + ": line " + (row.getRecordNumber() + 1) + " has " + row.size()
                            + " fields, the header " + csv.getHeaderNames().size());
                }
                String record = row.get(ecgKey).trim();
                if (record.isEmpty()) {
                    throw new IllegalArgumentException(file + ": line " + (row.getRecordNumber() + 1) + ": empty " + ecgKey);
                }
                records.add(base.resolve(record));
                reports.add(row.get(captionKey));
                lines.add(row.getRecordNumber() + 1);
            }
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + ": no training pairs");
        }
    }

    @Override
    public int size() {
        return records.size();
    }

    @Override
    public CocaExample get(int index) {
        try {
            return new CocaExample(EcgRecords.read(records.get(index), config, preprocessing), reports.get(index));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": line " + lines.get(index) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": line " + lines.get(index) + ": " + e.getMessage(), e);
        }
    }
}
