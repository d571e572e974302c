package org.ecgchat.io.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SNOMED-CT code → condition name for CSD reports: the dataset's {@code ConditionNames_SNOMED-CT.csv}
 * ({@code Snomed_CT}, {@code Full Name}) plus the names ECG-Chat's {@code preprocess_csd.py} adds for
 * the codes that file lacks (they take precedence, as in the original).
 */
final class CsdConditions {
    private static final Map<String, String> ADDED = Map.ofEntries(
            Map.entry("74390002", "Wolff-Parkinson-White pattern"),
            Map.entry("55827005", "left ventricle hypertrophy"),
            Map.entry("67751000119106", "Right atrial enlargement"),
            Map.entry("251166008", "Atrioventricular nodal re-entry tachycardia"),
            Map.entry("17366009", "Atrial arrhythmia"),
            Map.entry("713427006", "complete right bundle branch block"),
            Map.entry("713426002", "incomplete right bundle branch block"),
            Map.entry("55930002", "ST segment changes"),
            Map.entry("29320008", "Ectopic rhythm"),
            Map.entry("10370003", "Rhythm from artificial pacing"),
            Map.entry("365413008", "R wave"),
            Map.entry("251223006", "Tall P wave"),
            Map.entry("6374002", "Bundle branch block"),
            Map.entry("81898007", "Ventricular escape rhythm"),
            Map.entry("427172004", "premature ventricular contractions"),
            Map.entry("445118002", "Left anterior fascicular block"),
            Map.entry("425856008", "paroxysmal ventricular tachycardia"),
            Map.entry("733534002", "complete left bundle branch block"),
            Map.entry("106068003", "Atrial rhythm"),
            Map.entry("50799005", "Atrioventricular dissociation"),
            Map.entry("61721007", "Counterclockwise vectorcardiographic loop"),
            Map.entry("57054005", "Acute myocardial infarction"),
            Map.entry("426627000", "bradycardia"),
            Map.entry("54329005", "Acute myocardial infarction of anterior wall"),
            Map.entry("251205003", "Prolonged P wave"),
            Map.entry("61277005", "Accelerated idioventricular rhythm"),
            Map.entry("164896001", "ventricular fibrillation"),
            Map.entry("111288001", "Ventricular flutter"),
            Map.entry("233892002", "Ectopic atrial tachycardia"),
            Map.entry("251120003", "Incomplete left bundle branch block"),
            Map.entry("251170000", "Blocked premature atrial contraction"),
            Map.entry("251187003", "Atrial escape complex"),
            Map.entry("418818005", "Brugada syndrome"),
            Map.entry("426183003", "Mobitz type II atrioventricular block"),
            Map.entry("426648003", "junctional tachycardia"),
            Map.entry("426664006", "accelerated junctional rhythm"),
            Map.entry("445211001", "Left posterior fascicular block"),
            Map.entry("446813000", "Left atrial hypertrophy"),
            Map.entry("49578007", "Shortened PR interval"),
            Map.entry("5609005", "Sinus arrest"),
            Map.entry("63593006", "Supraventricular premature beats"),
            Map.entry("65778007", "Sinoatrial block"),
            Map.entry("67741000119109", "Left atrial enlargement"),
            Map.entry("77867006", "Shortened QT interval"));

    private final Path file;
    private final Map<String, String> names;

    private CsdConditions(Path file, Map<String, String> names) {
        this.file = file;
        this.names = names;
    }

    /** Reads the dataset's condition names and adds the original's. */
    static CsdConditions read(Path file) throws IOException {
        Map<String, String> names = new HashMap<>();
        CsvTable.read(file, List.of("Snomed_CT", "Full Name"), row -> names.put(row.required("Snomed_CT").trim(),
                row.get("Full Name")));
        names.putAll(ADDED);
        return new CsdConditions(file, names);
    }

    /** The name of a code, or null if neither the file nor the original names it. */
    String name(String code) {
        return names.get(code);
    }

    Path file() {
        return file;
    }
}
