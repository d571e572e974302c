package org.ecgchat.io.delineate;

import java.util.Arrays;

/**
 * Local maxima and their topographic prominence, with scipy's {@code find_peaks} conventions:
 * a peak is strictly higher than its left neighbour and than the first different sample on its
 * right; a flat top reports its middle sample (rounded down); the first and last samples are never
 * peaks. The prominence is the height above the higher of the two lowest points reached before
 * climbing above the peak on either side.
 */
final class PeakFinder {

    private PeakFinder() {}

    /** Indices of the local maxima of {@code x}. */
    static int[] localMaxima(double[] x) {
        int[] peaks = new int[x.length / 2 + 1];
        int count = 0;
        int i = 1, last = x.length - 1;
        while (i < last) {
            if (x[i - 1] < x[i]) {
                int ahead = i + 1;
                while (ahead < last && x[ahead] == x[i]) {
                    ahead++;
                }
                if (x[ahead] < x[i]) {
                    peaks[count++] = (i + ahead - 1) / 2;
                    i = ahead;
                }
            }
            i++;
        }
        return Arrays.copyOf(peaks, count);
    }

    /** Prominence of the peak at index {@code p} of {@code x}. */
    static double prominence(double[] x, int p) {
        double height = x[p];
        double leftMin = height;
        for (int i = p; i >= 0 && x[i] <= height; i--) {
            leftMin = Math.min(leftMin, x[i]);
        }
        double rightMin = height;
        for (int i = p; i < x.length && x[i] <= height; i++) {
            rightMin = Math.min(rightMin, x[i]);
        }
        return height - Math.max(leftMin, rightMin);
    }
}
