package org.ecgchat.io.synth;

/**
 * A vector of the cardiac dipole in Frank's orthogonal lead axes, in millivolts: x points to the
 * patient's left, y to the feet and z to the back (the orientation the Dower matrix expects).
 */
record Vec3(double x, double y, double z) {

    static final Vec3 ZERO = new Vec3(0, 0, 0);

    Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    Vec3 times(double k) {
        return new Vec3(x * k, y * k, z * k);
    }

    double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    Vec3 normalized() {
        double n = norm();
        if (n == 0) {
            throw new IllegalStateException("cannot normalise the zero vector");
        }
        return times(1 / n);
    }

    /** Turns the vector in the frontal (x-y) plane; positive angles move it towards the feet (aVF). */
    Vec3 rotateFrontal(double radians) {
        double c = StrictMath.cos(radians);
        double s = StrictMath.sin(radians);
        return new Vec3(x * c - y * s, x * s + y * c, z);
    }

    /** Turns the vector in the horizontal (x-z) plane; positive angles move it towards the back. */
    Vec3 rotateHorizontal(double radians) {
        double c = StrictMath.cos(radians);
        double s = StrictMath.sin(radians);
        return new Vec3(x * c - z * s, y, x * s + z * c);
    }
}
