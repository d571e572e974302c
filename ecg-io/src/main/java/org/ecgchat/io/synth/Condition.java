package org.ecgchat.io.synth;

import java.util.Locale;

/**
 * A labelled finding the generator can produce, with its PTB-XL SCP-ECG statement code. A record's
 * conditions form a {@link Diagnosis}: exactly one rhythm plus optional findings from the other
 * groups.
 */
public enum Condition {
    NORMAL_SINUS_RHYTHM("SR", Group.RHYTHM, "sinus rhythm"),
    SINUS_BRADYCARDIA("SBRAD", Group.RHYTHM, "sinus bradycardia"),
    SINUS_TACHYCARDIA("STACH", Group.RHYTHM, "sinus tachycardia"),
    ATRIAL_FIBRILLATION("AFIB", Group.RHYTHM, "atrial fibrillation"),
    FIRST_DEGREE_AV_BLOCK("1AVB", Group.AV_CONDUCTION, "first degree AV block"),
    LEFT_BUNDLE_BRANCH_BLOCK("CLBBB", Group.VENTRICULAR_CONDUCTION, "complete left bundle branch block"),
    RIGHT_BUNDLE_BRANCH_BLOCK("CRBBB", Group.VENTRICULAR_CONDUCTION, "complete right bundle branch block"),
    ST_ELEVATION("STE_", Group.ST_SEGMENT, "non-specific ST elevation"),
    ST_DEPRESSION("STD_", Group.ST_SEGMENT, "non-specific ST depression"),
    PREMATURE_VENTRICULAR_COMPLEXES("PVC", Group.ECTOPY, "ventricular premature complex"),
    LOW_QRS_VOLTAGE("LVOLT", Group.VOLTAGE, "low QRS voltages in the frontal and horizontal leads");

    /** Findings of one group exclude each other (a record has one rhythm, one bundle branch block, ...). */
    public enum Group { RHYTHM, AV_CONDUCTION, VENTRICULAR_CONDUCTION, ST_SEGMENT, ECTOPY, VOLTAGE }

    private final String scpCode;
    private final Group group;
    private final String description;

    Condition(String scpCode, Group group, String description) {
        this.scpCode = scpCode;
        this.group = group;
        this.description = description;
    }

    /** The PTB-XL SCP-ECG statement code (the key in {@code scp_codes}). */
    public String scpCode() {
        return scpCode;
    }

    public Group group() {
        return group;
    }

    /** The SCP-ECG description of the statement, as in PTB-XL's {@code scp_statements.csv}. */
    public String description() {
        return description;
    }

    /**
     * The condition named by an SCP code ({@code AFIB}), a CLI-friendly alias ({@code lbbb},
     * {@code nsr}, {@code ste}) or the enum name, ignoring case.
     *
     * @throws IllegalArgumentException naming the unknown code and the accepted ones
     */
    public static Condition parse(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Condition c : values()) {
            if (c.scpCode.equals(key) || c.name().equals(key)) {
                return c;
            }
        }
        switch (key) {
            case "NSR", "NORM": return NORMAL_SINUS_RHYTHM;
            case "AF": return ATRIAL_FIBRILLATION;
            case "LBBB": return LEFT_BUNDLE_BRANCH_BLOCK;
            case "RBBB": return RIGHT_BUNDLE_BRANCH_BLOCK;
            case "STE": return ST_ELEVATION;
            case "STD": return ST_DEPRESSION;
            default:
                StringBuilder known = new StringBuilder();
                for (Condition c : values()) {
                    known.append(known.length() == 0 ? "" : ", ").append(c.scpCode);
                }
                throw new IllegalArgumentException("unknown condition '" + name + "'; expected one of " + known
                        + " (or NSR, AF, LBBB, RBBB, STE, STD)");
        }
    }
}
