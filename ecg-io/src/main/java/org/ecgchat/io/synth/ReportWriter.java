package org.ecgchat.io.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;

/**
 * Writes the report of a synthetic record from its diagnosis and measurements, in two styles:
 * PTB-XL's English reports (lower-case sentences, {@code "sinus rhythm. left bundle branch
 * block."}) and MIMIC-IV-ECG machine statements ({@code "Sinus rhythm"}, {@code "Left bundle
 * branch block"}, {@code "Abnormal ECG"}). Every statement follows from a label, and the leads
 * named for ST deviation are those where the measured ST level exceeds 0.1 mV, so the text can
 * never contradict the signal.
 */
public final class ReportWriter {

    /** ST deviation (mV) from which a lead is named in the report. */
    static final double ST_REPORT_THRESHOLD = 0.1;

    private ReportWriter() {}

    /** The report in the style of PTB-XL's English reports. */
    public static String ptbXl(Diagnosis dx, EcgMeasurements m) {
        List<String> s = new ArrayList<>();
        if (dx.has(Condition.PREMATURE_VENTRICULAR_COMPLEXES)) {
            s.add("premature ventricular contraction(s)");
        }
        s.add(switch (dx.rhythm()) {
            case SINUS_BRADYCARDIA -> "sinus bradycardia";
            case SINUS_TACHYCARDIA -> "sinus tachycardia";
            case ATRIAL_FIBRILLATION -> m.heartRate() > 100 ? "atrial fibrillation with rapid ventricular response"
                    : "atrial fibrillation";
            default -> "sinus rhythm";
        });
        if (dx.has(Condition.FIRST_DEGREE_AV_BLOCK)) {
            s.add("pr interval is prolonged. first degree av block");
        }
        if (dx.has(Condition.LEFT_BUNDLE_BRANCH_BLOCK)) {
            s.add("left bundle branch block");
        }
        if (dx.has(Condition.RIGHT_BUNDLE_BRANCH_BLOCK)) {
            s.add("right bundle branch block");
        }
        if (dx.has(Condition.ST_ELEVATION)) {
            s.add(stSentence("st segments are elevated in ", "non-specific st elevation", m, v -> v >= ST_REPORT_THRESHOLD, false));
        }
        if (dx.has(Condition.ST_DEPRESSION)) {
            s.add(stSentence("st segments are depressed in ", "non-specific st depression", m, v -> v <= -ST_REPORT_THRESHOLD, false));
        }
        if (dx.has(Condition.LOW_QRS_VOLTAGE)) {
            s.add("low qrs voltages in the frontal and horizontal leads");
        }
        if (dx.isNormal()) {
            s.add(dx.conditions().size() == 1 && dx.has(Condition.NORMAL_SINUS_RHYTHM) ? "normal ecg" : "otherwise normal ecg");
        }
        return String.join(". ", s) + ".";
    }

    /** The report as MIMIC-IV-ECG machine statements ({@code report_0}, {@code report_1}, ...). */
    public static List<String> machineStatements(Diagnosis dx, EcgMeasurements m) {
        List<String> s = new ArrayList<>();
        s.add(switch (dx.rhythm()) {
            case SINUS_BRADYCARDIA -> "Sinus bradycardia";
            case SINUS_TACHYCARDIA -> "Sinus tachycardia";
            case ATRIAL_FIBRILLATION -> m.heartRate() > 100 ? "Atrial fibrillation with rapid ventricular response"
                    : "Atrial fibrillation";
            default -> "Sinus rhythm";
        });
        if (dx.has(Condition.PREMATURE_VENTRICULAR_COMPLEXES)) {
            s.add("Ventricular premature complexes");
        }
        if (dx.has(Condition.FIRST_DEGREE_AV_BLOCK)) {
            s.add("1st degree A-V block");
        }
        if (dx.has(Condition.LEFT_BUNDLE_BRANCH_BLOCK)) {
            s.add("Left bundle branch block");
        }
        if (dx.has(Condition.RIGHT_BUNDLE_BRANCH_BLOCK)) {
            s.add("Right bundle branch block");
        }
        if (dx.has(Condition.ST_ELEVATION)) {
            s.add(stSentence("ST elevation in ", "Nonspecific ST elevation", m, v -> v >= ST_REPORT_THRESHOLD, true)
                    + " - consider acute injury");
        }
        if (dx.has(Condition.ST_DEPRESSION)) {
            s.add(stSentence("ST depression in ", "Nonspecific ST depression", m, v -> v <= -ST_REPORT_THRESHOLD, true)
                    + " - consider ischemia");
        }
        if (dx.has(Condition.LOW_QRS_VOLTAGE)) {
            s.add("Low QRS voltages in limb and precordial leads");
        }
        if (dx.isNormal()) {
            s.add(dx.conditions().size() == 1 && dx.has(Condition.NORMAL_SINUS_RHYTHM) ? "Normal ECG" : "Otherwise normal ECG");
        } else {
            s.add("Abnormal ECG");
        }
        return s;
    }

    private static String stSentence(String prefix, String fallback, EcgMeasurements m, DoublePredicate deviated,
            boolean machineStyle) {
        List<Integer> leads = new ArrayList<>();
        for (int l = 0; l < m.stLevels().size(); l++) {
            if (deviated.test(m.stLevels().get(l))) {
                leads.add(l);
            }
        }
        return leads.isEmpty() ? fallback : prefix + leadList(leads, machineStyle);
    }

    /**
     * Names leads as reports do: limb leads one by one, runs of precordial leads as ranges —
     * {@code "i, ii, avf, v4-6"} (PTB-XL) or {@code "I, II, aVF, V4-V6"} (machine statements).
     */
    static String leadList(List<Integer> leads, boolean machineStyle) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < leads.size()) {
            int lead = leads.get(i);
            String name = LeadField.LEAD_NAMES.get(lead);
            if (LeadField.isLimbLead(lead)) {
                parts.add(machineStyle ? name : name.toLowerCase(Locale.ROOT));
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < leads.size() && leads.get(j + 1) == leads.get(j) + 1) {
                j++;
            }
            int first = lead - LeadField.V1 + 1;
            int last = leads.get(j) - LeadField.V1 + 1;
            String v = machineStyle ? "V" : "v";
            if (first == last) {
                parts.add(v + first);
            } else if (last == first + 1) {
                parts.add(machineStyle ? v + first + ", " + v + last : v + first + "," + last);
            } else {
                parts.add(machineStyle ? v + first + "-" + v + last : v + first + "-" + last);
            }
            i = j + 1;
        }
        return String.join(", ", parts);
    }
}
