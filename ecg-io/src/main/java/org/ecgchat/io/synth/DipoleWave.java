package org.ecgchat.io.synth;

/** One wave of the heart's electrical activity: a fixed dipole direction and size times a time profile. */
record DipoleWave(Vec3 vector, WaveProfile profile) {

    /**
     * Adds this wave to a dipole signal {@code [3][n]} sampled at {@code fs} whose first element is
     * sample {@code firstSample} of the record, touching only the samples inside the wave's support.
     */
    void addTo(double[][] dipole, double fs, long firstSample) {
        int n = dipole[0].length;
        int from = (int) Math.max(0, (long) Math.floor(profile.onset() * fs) - firstSample);
        int to = (int) Math.min(n - 1, (long) Math.ceil(profile.end() * fs) - firstSample);
        for (int i = from; i <= to; i++) {
            double v = profile.value((firstSample + i) / fs);
            if (v != 0) {
                dipole[0][i] += vector.x() * v;
                dipole[1][i] += vector.y() * v;
                dipole[2][i] += vector.z() * v;
            }
        }
    }
}
