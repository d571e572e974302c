package org.ecgchat.io.plot;

/**
 * The settings of the printout: paper speed (mm/s), gain (mm/mV), the resolution of PNG output
 * (dots per inch) and the lead of the rhythm strip. The standard is 25 mm/s and 10 mm/mV, so a
 * small 1 mm square is 40 ms by 0.1 mV and a large 5 mm square is 200 ms by 0.5 mV.
 */
public record EcgPaper(double speed, double gain, double dpi, String rhythmLead) {

    /** 25 mm/s, 10 mm/mV, 200 dpi, lead II rhythm strip. */
    public static final EcgPaper STANDARD = new EcgPaper(25, 10, 200, "II");

    public EcgPaper {
        if (!(speed >= 5 && speed <= 200)) {
            throw new IllegalArgumentException("paper speed must lie in [5, 200] mm/s, got " + speed);
        }
        if (!(gain >= 1 && gain <= 100)) {
            throw new IllegalArgumentException("gain must lie in [1, 100] mm/mV, got " + gain);
        }
        if (!(dpi >= 50 && dpi <= 1200)) {
            throw new IllegalArgumentException("resolution must lie in [50, 1200] dpi, got " + dpi);
        }
        if (rhythmLead == null || rhythmLead.isBlank()) {
            throw new IllegalArgumentException("a rhythm strip lead is required (usually II)");
        }
    }

    public EcgPaper withDpi(double newDpi) {
        return new EcgPaper(speed, gain, newDpi, rhythmLead);
    }

    /** Pixels per millimetre of PNG output. */
    public double pixelsPerMm() {
        return dpi / 25.4;
    }
}
