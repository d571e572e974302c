package org.ecgchat.io.synth;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Plans a synthetic cohort: which records, of which patients, with which conditions, in which
 * fold. Conditions are balanced: every block of eleven records holds each primary condition once
 * (normal sinus rhythm, bradycardia, tachycardia, atrial fibrillation, first-degree AV block,
 * LBBB, RBBB, ST elevation, ST depression, PVCs, low voltage), and a share of records gets a
 * second, compatible finding (e.g. AF with LBBB). Patients have one to three records; folds are
 * assigned per patient (so a patient never straddles the train/test split) and stratified by
 * condition, with fold 10 the test fold as in PTB-XL. The plan is a pure function of the options.
 */
public final class SyntheticCohort {

    /** One record for each of these per block; see the class comment. */
    static final List<Diagnosis> PRIMARY = List.of(
            Diagnosis.of(Condition.NORMAL_SINUS_RHYTHM),
            Diagnosis.of(Condition.SINUS_BRADYCARDIA),
            Diagnosis.of(Condition.SINUS_TACHYCARDIA),
            Diagnosis.of(Condition.ATRIAL_FIBRILLATION),
            Diagnosis.of(Condition.NORMAL_SINUS_RHYTHM, Condition.FIRST_DEGREE_AV_BLOCK),
            Diagnosis.of(Condition.NORMAL_SINUS_RHYTHM, Condition.LEFT_BUNDLE_BRANCH_BLOCK),
            Diagnosis.of(Condition.NORMAL_SINUS_RHYTHM, Condition.RIGHT_BUNDLE_BRANCH_BLOCK),
            Diagnosis.of(Condition.NORMAL_SINUS_RHYTHM, Condition.ST_ELEVATION),
            Diagnosis.of(Condition.NORMAL_SINUS_RHYTHM, Condition.ST_DEPRESSION),
            Diagnosis.of(Condition.NORMAL_SINUS_RHYTHM, Condition.PREMATURE_VENTRICULAR_COMPLEXES),
            Diagnosis.of(Condition.NORMAL_SINUS_RHYTHM, Condition.LOW_QRS_VOLTAGE));

    /**
     * What to plan.
     *
     * @param records number of records (1..99999)
     * @param seed master seed; everything follows from it
     * @param secondFindingRate share of records with a second finding, in [0, 1]
     * @param maximumNoise each record draws each noise component uniformly between 0 and this
     */
    public record Options(int records, long seed, double secondFindingRate, NoiseLevels maximumNoise) {
        public Options {
            if (records < 1 || records > 99_999) {
                throw new IllegalArgumentException("number of records must lie in 1..99999, got " + records);
            }
            if (!(secondFindingRate >= 0 && secondFindingRate <= 1)) {
                throw new IllegalArgumentException("second finding rate must lie in [0, 1], got " + secondFindingRate);
            }
            if (maximumNoise == null) {
                throw new IllegalArgumentException("maximum noise is required (NoiseLevels.NONE for clean records)");
            }
        }

        /** {@code records} records from {@code seed}, 20% with a second finding, typical noise. */
        public static Options of(int records, long seed) {
            return new Options(records, seed, 0.2, NoiseLevels.TYPICAL);
        }
    }

    private SyntheticCohort() {}

    /** The records of the cohort, in ecg_id order (1, 2, ...). */
    public static List<CohortRecord> plan(Options options) {
        SplittableRandom rng = new SplittableRandom(options.seed());
        int n = options.records();

        List<Diagnosis> diagnoses = new ArrayList<>(n);
        int[] primary = new int[n];
        while (diagnoses.size() < n) {
            int[] block = new int[PRIMARY.size()];
            for (int i = 0; i < block.length; i++) {
                block[i] = i;
            }
            for (int i = block.length - 1; i > 0; i--) { // Fisher-Yates
                int j = rng.nextInt(i + 1);
                int t = block[i];
                block[i] = block[j];
                block[j] = t;
            }
            for (int b : block) {
                if (diagnoses.size() < n) {
                    Diagnosis d = PRIMARY.get(b);
                    primary[diagnoses.size()] = b;
                    diagnoses.add(rng.nextDouble() < options.secondFindingRate() ? withSecondFinding(d, rng) : d);
                }
            }
        }

        // patients: 1 record (75%), 2 (18%) or 3 (7%)
        List<int[]> patients = new ArrayList<>(); // {first record index, count}
        for (int i = 0; i < n; ) {
            double u = rng.nextDouble();
            int count = Math.min(n - i, u < 0.75 ? 1 : u < 0.93 ? 2 : 3);
            patients.add(new int[] {i, count});
            i += count;
        }
        int[] fold = stratifiedFolds(patients, primary, rng);

        List<CohortRecord> records = new ArrayList<>(n);
        for (int p = 0; p < patients.size(); p++) {
            int sex = rng.nextInt(2);
            int age = (int) Math.round(Math.max(18, Math.min(95, 60 + 15 * rng.nextGaussian())));
            OptionalInt height = rng.nextDouble() < 0.4
                    ? OptionalInt.of((int) Math.round((sex == 0 ? 176 : 164) + 7 * rng.nextGaussian())) : OptionalInt.empty();
            OptionalInt weight = rng.nextDouble() < 0.45
                    ? OptionalInt.of((int) Math.round((sex == 0 ? 82 : 68) + 12 * rng.nextGaussian())) : OptionalInt.empty();
            LocalDateTime first = LocalDateTime.of(1989, 1, 1, 7, 0)
                    .plusDays(rng.nextInt(4500)).plusSeconds(rng.nextInt(12 * 3600));
            LocalDateTime date = first;
            for (int k = 0; k < patients.get(p)[1]; k++) {
                int index = patients.get(p)[0] + k;
                NoiseLevels max = options.maximumNoise();
                NoiseLevels noise = new NoiseLevels(max.baselineWanderMv() * rng.nextDouble(),
                        max.powerlineMv() * rng.nextDouble(), max.powerlineHz(), max.emgMv() * rng.nextDouble());
                int ageNow = age + (int) ChronoUnit.YEARS.between(first, date);
                records.add(new CohortRecord(index + 1, p + 1, ageNow, sex, height, weight, date, diagnoses.get(index),
                        noise, fold[p], rng.nextLong()));
                date = date.plusDays(1 + rng.nextInt(400)).plusSeconds(rng.nextInt(3600));
            }
        }
        return records;
    }

    /** Adds one finding compatible with {@code d} (a rhythm other than sinus, or a finding of another group). */
    private static Diagnosis withSecondFinding(Diagnosis d, SplittableRandom rng) {
        List<Condition> candidates = new ArrayList<>();
        for (Condition c : Condition.values()) {
            if (c == Condition.NORMAL_SINUS_RHYTHM || d.has(c)) {
                continue;
            }
            boolean sameGroup = d.conditions().stream().anyMatch(x -> x.group() == c.group() && x.group() != Condition.Group.RHYTHM);
            boolean primaryIsRhythm = d.conditions().size() == 1 && c.group() == Condition.Group.RHYTHM;
            if (sameGroup || primaryIsRhythm) {
                continue;
            }
            Diagnosis candidate;
            try {
                candidate = d.with(c);
            } catch (IllegalArgumentException incompatible) {
                continue;
            }
            // a long PR at a fast rate hides the P wave in the T wave; not a useful training example
            if (!(candidate.has(Condition.SINUS_TACHYCARDIA) && candidate.has(Condition.FIRST_DEGREE_AV_BLOCK))) {
                candidates.add(c);
            }
        }
        return candidates.isEmpty() ? d : d.with(candidates.get(rng.nextInt(candidates.size())));
    }

    /** Folds 1..10 per patient, cycling through the patients sorted by their first record's primary condition. */
    private static int[] stratifiedFolds(List<int[]> patients, int[] primary, SplittableRandom rng) {
        Integer[] order = new Integer[patients.size()];
        double[] tieBreak = new double[patients.size()];
        for (int p = 0; p < order.length; p++) {
            order[p] = p;
            tieBreak[p] = rng.nextDouble();
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(p -> primary[patients.get(p)[0]])
                .thenComparingDouble(p -> tieBreak[p]));
        int offset = rng.nextInt(10);
        int[] fold = new int[patients.size()];
        for (int i = 0; i < order.length; i++) {
            fold[order[i]] = (i + offset) % 10 + 1;
        }
        return fold;
    }
}
