package org.ecgchat.io.synth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conditions of one synthetic record: exactly one rhythm and at most one finding of every
 * other {@link Condition.Group}. Combinations that cannot be told apart on a real ECG are
 * refused: first-degree AV block needs P waves (not with atrial fibrillation), and ST deviation
 * is not labelled on top of a left bundle branch block, whose ST-T changes are secondary.
 */
public record Diagnosis(Set<Condition> conditions) {

    public Diagnosis {
        if (conditions == null || conditions.isEmpty()) {
            throw new IllegalArgumentException("a diagnosis needs a rhythm");
        }
        EnumSet<Condition> copy = EnumSet.copyOf(conditions);
        for (Condition.Group g : Condition.Group.values()) {
            long n = copy.stream().filter(c -> c.group() == g).count();
            if (n > 1) {
                throw new IllegalArgumentException("at most one " + g + " condition per record, got " + copy);
            }
            if (g == Condition.Group.RHYTHM && n == 0) {
                throw new IllegalArgumentException("a diagnosis needs exactly one rhythm, got " + copy);
            }
        }
        if (copy.contains(Condition.ATRIAL_FIBRILLATION) && copy.contains(Condition.FIRST_DEGREE_AV_BLOCK)) {
            throw new IllegalArgumentException("first degree AV block needs P waves; not possible with atrial fibrillation");
        }
        if (copy.contains(Condition.LEFT_BUNDLE_BRANCH_BLOCK)
                && (copy.contains(Condition.ST_ELEVATION) || copy.contains(Condition.ST_DEPRESSION))) {
            throw new IllegalArgumentException("ST deviation is not labelled on a left bundle branch block (secondary ST-T changes)");
        }
        conditions = Collections.unmodifiableSet(copy);
    }

    /** A diagnosis of the given conditions. */
    public static Diagnosis of(Condition first, Condition... rest) {
        return new Diagnosis(EnumSet.of(first, rest));
    }

    /** A diagnosis from SCP codes or aliases such as {@code "AFIB,PVC"} (see {@link Condition#parse}). */
    public static Diagnosis parse(String commaSeparated) {
        EnumSet<Condition> set = EnumSet.noneOf(Condition.class);
        for (String part : commaSeparated.split("[,+]")) {
            if (!part.isBlank()) {
                set.add(Condition.parse(part));
            }
        }
        if (set.stream().noneMatch(c -> c.group() == Condition.Group.RHYTHM)) {
            set.add(Condition.NORMAL_SINUS_RHYTHM);
        }
        return new Diagnosis(set);
    }

    /** A diagnosis with one more condition (replacing any condition of the same group). */
    public Diagnosis with(Condition c) {
        EnumSet<Condition> set = EnumSet.copyOf(conditions);
        set.removeIf(x -> x.group() == c.group());
        set.add(c);
        return new Diagnosis(set);
    }

    public boolean has(Condition c) {
        return conditions.contains(c);
    }

    public Condition rhythm() {
        return conditions.stream().filter(c -> c.group() == Condition.Group.RHYTHM).findFirst().orElseThrow();
    }

    /** Whether the rhythm is driven by the sinus node (P waves precede the QRS complexes). */
    public boolean isSinus() {
        return !has(Condition.ATRIAL_FIBRILLATION);
    }

    /**
     * Whether PTB-XL would code the record {@code NORM}: nothing but a sinus rhythm, at any rate,
     * and possibly low voltage (PTB-XL codes {@code NORM} with {@code LVOLT}, e.g. its record 1).
     */
    public boolean isNormal() {
        return conditions.stream().allMatch(c -> (c.group() == Condition.Group.RHYTHM && c != Condition.ATRIAL_FIBRILLATION)
                || c == Condition.LOW_QRS_VOLTAGE);
    }

    /**
     * The {@code scp_codes} of the record, ordered and weighted as PTB-XL does: diagnostic
     * statements first with likelihood 100, then form statements, then the rhythm (rhythm
     * and most form statements carry likelihood 0 in PTB-XL).
     */
    public Map<String, Double> scpCodes() {
        Map<String, Double> codes = new LinkedHashMap<>();
        if (isNormal()) {
            codes.put("NORM", 100.0);
        }
        for (Condition c : List.of(Condition.FIRST_DEGREE_AV_BLOCK, Condition.LEFT_BUNDLE_BRANCH_BLOCK,
                Condition.RIGHT_BUNDLE_BRANCH_BLOCK)) {
            if (has(c)) {
                codes.put(c.scpCode(), 100.0);
            }
        }
        if (has(Condition.ST_ELEVATION) || has(Condition.ST_DEPRESSION)) {
            codes.put(NON_SPECIFIC_ST_CHANGES, 100.0);
        }
        if (has(Condition.PREMATURE_VENTRICULAR_COMPLEXES)) {
            codes.put(Condition.PREMATURE_VENTRICULAR_COMPLEXES.scpCode(), 100.0);
        }
        for (Condition c : List.of(Condition.ST_ELEVATION, Condition.ST_DEPRESSION, Condition.LOW_QRS_VOLTAGE)) {
            if (has(c)) {
                codes.put(c.scpCode(), 0.0);
            }
        }
        codes.put(rhythm().scpCode(), 0.0);
        return codes;
    }

    /** PTB-XL's diagnostic statement that accompanies the ST form statements. */
    static final String NON_SPECIFIC_ST_CHANGES = "NST_";

    /** The conditions as a compact SCP-code list, e.g. {@code AFIB+PVC}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Condition c : conditions) {
            sb.append(sb.length() == 0 ? "" : "+").append(c.scpCode());
        }
        return sb.toString();
    }
}
