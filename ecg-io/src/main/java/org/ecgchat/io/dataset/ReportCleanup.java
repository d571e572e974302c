package org.ecgchat.io.dataset;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report clean-up of ECG-Chat's {@code training/data.py}, string for string, so that a model
 * trained here sees the texts the original saw.
 *
 * <p>The MIMIC-IV-ECG expansions of the original replace substrings, not words: {@code "mi"}
 * inside {@code "minimal"} also becomes {@code "myocardial infarction"}, and {@code "lbbb"}
 * becomes {@code "light bundle branch block"}. {@link Style#ORIGINAL} keeps that (the texts
 * ECG-Chat was trained on); {@link Style#CORRECTED} expands whole words only and writes "left".
 */
public final class ReportCleanup {

    /** How MIMIC-IV-ECG abbreviations are expanded. */
    public enum Style {
        /** Exactly as the original: substring replacement, including its slips. */
        ORIGINAL,
        /** Whole-word replacement, "left bundle branch block". */
        CORRECTED
    }

    /**
     * Machine statements the original drops: a statement containing any of these (case-sensitive)
     * does not enter the report.
     */
    public static final List<String> MIMIC_DROPPED_STATEMENTS = List.of(
            "--- Warning: Data quality may affect interpretation ---",
            "--- Recording unsuitable for analysis - please repeat ---",
            "Analysis error",
            "conduction defect",
            "*** report made without knowing patient's sex ***",
            "--- Suspect arm lead reversal",
            "--- Possible measurement error ---",
            "--- Pediatric criteria used ---",
            "--- Suspect limb lead reversal",
            "-------------------- Pediatric ECG interpretation --------------------",
            "Lead(s) unsuitable for analysis:",
            "LEAD(S) UNSUITABLE FOR ANALYSIS:",
            "PACER DETECTION SUSPENDED DUE TO EXTERNAL NOISE-REVIEW ADVISED",
            "Pacer detection suspended due to external noise-REVIEW ADVISED");

    private static final String[][] MIMIC_ORIGINAL = {
        {"rbbb", "right bundle branch block"},
        {"lbbb", "light bundle branch block"},
        {"lvh", "left ventricle hypertrophy"},
        {"mi", "myocardial infarction"},
        {"lafb", "left anterior fascicular block"},
        {"pvc(s)", "ventricular premature complex"},
        {"pvcs", "ventricular premature complex"},
        {"pac(s)", "atrial premature complex"},
        {"pacs", "atrial premature complex"},
    };

    private static final Pattern MIMIC_WORDS = Pattern.compile("\\b(rbbb|lbbb|lvh|mi|lafb|pvc\\(s\\)|pvcs|pac\\(s\\)|pacs)"
            + "(?![\\p{Alnum}_])");

    private ReportCleanup() {
    }

    /**
     * The MIMIC-IV-ECG report of one study from its machine statements {@code report_0..report_17}
     * (null or empty for a missing statement): statements containing a
     * {@linkplain #MIMIC_DROPPED_STATEMENTS dropped phrase} are left out, the rest joined with
     * single spaces, lower-cased, {@code ---}, {@code ***} and {@code " - age undetermined"}
     * removed and the abbreviations expanded.
     *
     * @return the report, or {@code ""} when no statement is left (the original then drops the study)
     */
    public static String mimic(List<String> statements, Style style) {
        StringBuilder sb = new StringBuilder();
        for (String s : statements) {
            if (s == null || s.isEmpty() || droppedMimicStatement(s)) {
                continue;
            }
            sb.append(s).append(' ');
        }
        if (sb.length() == 0) {
            return "";
        }
        String text = sb.substring(0, sb.length() - 1).toLowerCase(java.util.Locale.ROOT)
                .replace("---", "")
                .replace("***", "")
                .replace(" - age undetermined", "");
        if (style == Style.ORIGINAL) {
            for (String[] r : MIMIC_ORIGINAL) {
                text = text.replace(r[0], r[1]);
            }
            return text;
        }
        Matcher m = MIMIC_WORDS.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(correctedExpansion(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether the original drops this machine statement. */
    static boolean droppedMimicStatement(String statement) {
        for (String bad : MIMIC_DROPPED_STATEMENTS) {
            if (statement.contains(bad)) {
                return true;
            }
        }
        return false;
    }

    private static String correctedExpansion(String abbreviation) {
        return switch (abbreviation) {
            case "rbbb" -> "right bundle branch block";
            case "lbbb" -> "left bundle branch block";
            case "lvh" -> "left ventricle hypertrophy";
            case "mi" -> "myocardial infarction";
            case "lafb" -> "left anterior fascicular block";
            case "pvc(s)", "pvcs" -> "ventricular premature complex";
            case "pac(s)", "pacs" -> "atrial premature complex";
            default -> throw new IllegalStateException(abbreviation);
        };
    }

    /**
     * The PTB-XL clean-up of the original ({@code load_ptbxl}): "ekg" → "ecg", and "normales ",
     * "4.46 ", "unconfirmed report", "unconfirmed" and " age undetermined" removed, in that order.
     */
    public static String ptbXl(String report) {
        return report.replace("ekg", "ecg")
                .replace("normales ", "")
                .replace("4.46 ", "")
                .replace("unconfirmed report", "")
                .replace("unconfirmed", "")
                .replace(" age undetermined", "");
    }
}
