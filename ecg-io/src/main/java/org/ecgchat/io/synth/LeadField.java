package org.ecgchat.io.synth;

import java.util.List;

/**
 * Projects the cardiac dipole onto the standard 12 leads. The eight independent leads (I, II,
 * V1–V6) come from the Dower matrix (Frank XYZ to 12-lead); III, aVR, aVL and aVF are then
 * derived from I and II exactly as an electrocardiograph does (Einthoven and Goldberger), so
 * {@code III = II - I}, {@code aVR = -(I + II) / 2}, {@code aVL = I - II / 2} and
 * {@code aVF = II - I / 2} hold for every sample, noise included.
 */
public final class LeadField {

    /** The 12 leads in the order of every record this package produces. */
    public static final List<String> LEAD_NAMES =
            List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");

    /** Index of a lead in {@link #LEAD_NAMES}. */
    public static final int I = 0, II = 1, III = 2, AVR = 3, AVL = 4, AVF = 5, V1 = 6, V2 = 7, V3 = 8, V4 = 9,
            V5 = 10, V6 = 11;

    /** Number of independent leads: I, II, V1..V6. */
    static final int INDEPENDENT = 8;

    /** Dower coefficients (x, y, z) of I, II, V1..V6. */
    private static final double[][] DOWER = {
        {0.632, -0.235, 0.059},
        {0.235, 1.066, -0.132},
        {-0.515, 0.157, -0.917},
        {0.044, 0.164, -1.387},
        {0.882, 0.098, -1.277},
        {1.213, 0.127, -0.601},
        {1.125, 0.127, -0.086},
        {0.831, 0.076, 0.230},
    };

    private LeadField() {}

    /** The eight independent leads [I, II, V1..V6][sample] of a dipole signal [3][sample]. */
    static double[][] independentLeads(double[][] dipole) {
        int n = dipole[0].length;
        double[][] leads = new double[INDEPENDENT][n];
        for (int l = 0; l < INDEPENDENT; l++) {
            double cx = DOWER[l][0], cy = DOWER[l][1], cz = DOWER[l][2];
            double[] out = leads[l];
            for (int i = 0; i < n; i++) {
                out[i] = cx * dipole[0][i] + cy * dipole[1][i] + cz * dipole[2][i];
            }
        }
        return leads;
    }

    /** The voltage one independent lead (0 = I, 1 = II, 2.. = V1..) sees for a dipole vector. */
    static double project(int independentLead, Vec3 v) {
        double[] c = DOWER[independentLead];
        return c[0] * v.x() + c[1] * v.y() + c[2] * v.z();
    }

    /**
     * The 12 leads in {@link #LEAD_NAMES} order from the eight independent ones [I, II, V1..V6];
     * the limb leads III, aVR, aVL and aVF are derived from I and II.
     */
    static double[][] twelveLeads(double[][] independent) {
        int n = independent[0].length;
        double[] lead1 = independent[0];
        double[] lead2 = independent[1];
        double[][] out = new double[12][];
        out[I] = lead1;
        out[II] = lead2;
        out[III] = new double[n];
        out[AVR] = new double[n];
        out[AVL] = new double[n];
        out[AVF] = new double[n];
        for (int i = 0; i < n; i++) {
            out[III][i] = lead2[i] - lead1[i];
            out[AVR][i] = -(lead1[i] + lead2[i]) / 2;
            out[AVL][i] = lead1[i] - lead2[i] / 2;
            out[AVF][i] = lead2[i] - lead1[i] / 2;
        }
        for (int v = 0; v < 6; v++) {
            out[V1 + v] = independent[2 + v];
        }
        return out;
    }

    /**
     * The 12 leads with the independent leads rounded to multiples of {@code 1 / gain} (halves
     * away from zero, as a WFDB writer rounds) and the limb leads derived again from the rounded
     * I and II, so that a file written at that gain keeps {@code III = II - I} exactly in its
     * digital samples, and aVR, aVL, aVF within one unit (their exact values can be half units).
     */
    static double[][] quantised(double[][] twelve, double gain) {
        double[][] independent = independentOf(twelve);
        for (int l = 0; l < INDEPENDENT; l++) {
            independent[l] = round(independent[l], gain);
        }
        return twelveLeads(independent);
    }

    private static double[] round(double[] x, double gain) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i] * gain;
            r[i] = (v >= 0 ? Math.floor(v + 0.5) : Math.ceil(v - 0.5)) / gain;
        }
        return r;
    }

    /** The eight independent leads [I, II, V1..V6] of a 12-lead array (shared, not copied). */
    static double[][] independentOf(double[][] twelve) {
        double[][] independent = new double[INDEPENDENT][];
        independent[0] = twelve[I];
        independent[1] = twelve[II];
        for (int v = 0; v < 6; v++) {
            independent[2 + v] = twelve[V1 + v];
        }
        return independent;
    }

    /** Whether a lead index names a limb lead (I, II, III, aVR, aVL, aVF). */
    static boolean isLimbLead(int lead) {
        return lead < V1;
    }
}
