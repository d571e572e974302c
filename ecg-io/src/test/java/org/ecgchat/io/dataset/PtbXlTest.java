package org.ecgchat.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgchat.io.EcgIoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PTB-XL: splits, labels per category (from the original's file or derived), reports, bad input. */
class PtbXlTest {
    private static final String HEADER = ",ecg_id,patient_id,report,scp_codes,strat_fold,filename_lr,filename_hr";

    @TempDir
    Path root;

    private Path realFormTree(String databaseName) throws IOException {
        Files.copy(TestTrees.metadata("ptb-xl/ptbxl_database_form.csv"), root.resolve(databaseName));
        TestTrees.resource("scp_statements.csv", root.resolve("scp_statements.csv"));
        return root;
    }

    @Test
    void derivedLabelSetsAreTheZeroShotSets() throws IOException {
        LabelSets zeroShot = LabelSets.read(TestTrees.metadata("zero_shot_classes.json"));
        ScpStatements statements = ScpStatements.read(TestTrees.resource("scp_statements.csv", root.resolve("s.csv")));
        for (PtbXlLabels c : PtbXlLabels.values()) {
            assertThat(c.labelSet(statements)).as(c.name()).isEqualTo(zeroShot.get(c.labelSetName()));
        }
    }

    @Test
    void testSplitOfTheRealFormFileIsFold10WithItsLabels() throws IOException {
        realFormTree("ptbxl_database_form.csv");
        LabelSet form = LabelSets.read(TestTrees.metadata("zero_shot_classes.json")).get("ptbxl_form");
        EcgDataset test = PtbXl.at(root).database(root.resolve("ptbxl_database_form.csv"))
                .labels(PtbXlLabels.FORM, form).split(Split.TEST).read();
        assertThat(test.size()).isEqualTo(882);
        assertThat(test.stream()).allMatch(r -> r.fold().getAsInt() == 10 && r.labels().count() > 0);
        EcgDataset train = PtbXl.at(root).database(root.resolve("ptbxl_database_form.csv"))
                .labels(PtbXlLabels.FORM, form).split(Split.TRAIN).read();
        assertThat(train.size()).isEqualTo(8988 - 882);
        // First row: ecg_id 1, patient 15709.0, fold 3, labels LVOLT.
        DatasetRecord first = train.get(0);
        assertThat(first.id()).isEqualTo("1");
        assertThat(first.patientId()).contains("15709");
        assertThat(first.record()).isEqualTo(root.resolve("records500/00000/00001_hr"));
        assertThat(first.labels().labels()).containsExactly("LVOLT");
        assertThat(first.report()).isEqualTo("sinusrhythmus periphere niederspannung");
        assertThat(first.origin()).endsWith("ptbxl_database_form.csv:2");
    }

    @Test
    void labelsDerivedFromScpCodesEqualTheOriginalsLabelsColumn() throws IOException {
        // Without ptbxl_database_form.csv beside it, the FORM labels are derived from scp_codes.
        realFormTree("ptbxl_database.csv");
        EcgDataset derived = PtbXl.at(root).labels(PtbXlLabels.FORM).read();
        Files.copy(root.resolve("ptbxl_database.csv"), root.resolve("ptbxl_database_form.csv"));
        EcgDataset fromFile = PtbXl.at(root).labels(PtbXlLabels.FORM).read();
        assertThat(derived.size()).isEqualTo(8988);
        assertThat(derived.asList()).isEqualTo(fromFile.asList());
    }

    @Test
    void recordsWithoutALabelOfTheCategoryAreLeftOut() throws IOException {
        realFormTree("ptbxl_database.csv");
        EcgDataset rhythm = PtbXl.at(root).labels(PtbXlLabels.RHYTHM).read();
        EcgDataset reports = PtbXl.at(root).read();
        assertThat(reports.size()).isEqualTo(8988);
        assertThat(reports.get(0).labels()).isEqualTo(LabelVector.none());
        assertThat(rhythm.size()).isLessThan(8988).isPositive();
        assertThat(rhythm.labelSet().name()).isEqualTo("ptbxl_rhythm");
        // ecg_id 8: {'IMI': 35.0, 'ABQRS': 0.0, 'SR': 0.0} -> superclass MI, subclass IMI, rhythm SR.
        assertThat(find(rhythm, "8").labels().labels()).containsExactly("SR");
        assertThat(find(PtbXl.at(root).labels(PtbXlLabels.SUPERCLASS).read(), "8").labels().labels())
                .containsExactly("MI");
        assertThat(find(PtbXl.at(root).labels(PtbXlLabels.SUBCLASS).read(), "8").labels().labels())
                .containsExactly("IMI");
    }

    private static DatasetRecord find(EcgDataset ds, String id) {
        return ds.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void cleansReportsAppendsWfepAndReadsLowRateFiles() throws IOException {
        TestTrees.write(root.resolve("ptbxl_database_translated.csv"), HEADER + WfepColumns.COLUMNS.stream()
                .map(c -> "," + c).reduce("", String::concat) + "\n"
                + "0,5,7.0,sinus rhythm. normal ekg unconfirmed report,\"{'NORM': 100.0}\",10,records100/00000/00005_lr,"
                + "records500/00000/00005_hr,934,153,154,472,488,2336,2419,2384\n");
        DatasetRecord r = PtbXl.at(root).samplingRate(100).wfep(true).read().get(0);
        assertThat(r.report()).isEqualTo("sinus rhythm. normal ecg  RR: 934 PR: 153 QRS: 154 QT/QTc: 472/488 "
                + "P/R/T Wave: 2336/2419/2384");
        assertThat(r.record()).isEqualTo(root.resolve("records100/00000/00005_lr"));
    }

    @Test
    void unknownCodeMalformedCodesAndForeignLabelsNameTheLine() throws IOException {
        TestTrees.resource("scp_statements.csv", root.resolve("scp_statements.csv"));
        TestTrees.write(root.resolve("ptbxl_database.csv"), HEADER + "\n"
                + "0,1,1,ok,\"{'NORM': 100.0}\",1,a,b\n"
                + "1,2,1,bad,\"{'XYZ': 100.0}\",1,a,b\n");
        assertThatThrownBy(() -> PtbXl.at(root).labels(PtbXlLabels.FORM).read())
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("ptbxl_database.csv: line 3, column scp_codes")
                .hasMessageContaining("SCP code 'XYZ' is not defined");
        TestTrees.write(root.resolve("ptbxl_database.csv"), HEADER + "\n0,1,1,ok,\"{'NORM' 100.0}\",1,a,b\n");
        assertThatThrownBy(() -> PtbXl.at(root).labels(PtbXlLabels.FORM).read())
                .hasMessageContaining("line 2, column scp_codes: expected ':' at offset 8, found '1'");
        TestTrees.write(root.resolve("ptbxl_database.csv"), HEADER + "\n0,1,1,ok,\"{'NORM': 100.0}\",1,a,b\n");
        LabelSet narrow = LabelSet.of("ptbxl_super_class", "MI", "CD");
        assertThatThrownBy(() -> PtbXl.at(root).labels(PtbXlLabels.SUPERCLASS, narrow).read())
                .hasMessageContaining("line 2, column scp_codes: label 'NORM' is not in label set ptbxl_super_class");
    }

    @Test
    void missingFilesAndColumnsAreNamed() throws IOException {
        assertThatThrownBy(() -> PtbXl.at(root).read()).isInstanceOf(EcgIoException.class)
                .hasMessageContaining("ptbxl_database_translated.csv or ptbxl_database.csv");
        TestTrees.write(root.resolve("ptbxl_database.csv"), ",ecg_id,report\n0,1,x\n");
        assertThatThrownBy(() -> PtbXl.at(root).read()).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("line 1: missing columns patient_id, strat_fold, filename_hr");
        TestTrees.write(root.resolve("ptbxl_database.csv"), HEADER + "\n0,1,1,ok,\"{'NORM': 100.0}\",1,a,b\n");
        assertThatThrownBy(() -> PtbXl.at(root).labels(PtbXlLabels.FORM).read())
                .hasMessageContaining("scp_statements.csv").hasMessageContaining("zero_shot_classes.json");
        assertThatThrownBy(() -> PtbXl.at(root).split(Split.VALIDATION)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedRowsAreReportedWithTheirLine() throws IOException {
        TestTrees.write(root.resolve("ptbxl_database.csv"), HEADER + "\n0,1,1,ok,x,1,a,b\n1,2,1,short\n");
        assertThatThrownBy(() -> PtbXl.at(root).read()).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("line 3: 4 fields where the header has 8");
        TestTrees.write(root.resolve("ptbxl_database.csv"), HEADER + "\n0,1,1,ok,x,ten,a,b\n");
        assertThatThrownBy(() -> PtbXl.at(root).read())
                .hasMessageContaining("line 2, column strat_fold: 'ten' is not an integer");
        TestTrees.write(root.resolve("ptbxl_database.csv"), ",ecg_id,ecg_id\n0,1,1\n");
        assertThatThrownBy(() -> PtbXl.at(root).read()).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("ptbxl_database.csv: line 1: unusable header");
        TestTrees.write(root.resolve("ptbxl_database.csv"), HEADER + "\n0,1,1,\"unterminated,x,1,a,b\n");
        assertThatThrownBy(() -> PtbXl.at(root).read()).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("malformed CSV");
    }
}
