package org.ecgchat.io.preprocess;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks leads by name, in the given order (selection and reordering in one step; a lead may be
 * repeated). Names match case-insensitively ({@code aVR} = {@code AVR} = {@code avr}). JSON:
 * {@code {"type":"select_leads","leads":["I","II","III","aVR","aVL","aVF","V1","V2","V3","V4","V5","V6"]}}.
 */
public record SelectLeads(List<String> leads) implements PreprocessStep {

    /** The twelve standard leads in the order ECG-Chat's models expect. */
    public static final List<String> STANDARD_12 =
            List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");

    /** Validates that at least one lead is named. */
    @JsonCreator
    public SelectLeads(@JsonProperty(value = "leads", required = true) List<String> leads) {
        if (leads == null || leads.isEmpty()) {
            throw new IllegalArgumentException("select_leads: name at least one lead");
        }
        this.leads = List.copyOf(leads);
    }

    @Override
    public EcgSignal apply(EcgSignal signal) {
        int[] index = indices(signal.leadNames());
        double[][] in = signal.samples();
        double[][] out = new double[index.length][];
        for (int i = 0; i < index.length; i++) {
            out[i] = in[index[i]].clone();
        }
        return new EcgSignal(out, signal.samplingFrequency(), new ArrayList<>(leads));
    }

    /**
     * For each requested lead, its index among {@code available}.
     *
     * @throws IllegalArgumentException naming the missing lead and the available ones
     */
    public int[] indices(List<String> available) {
        if (available.isEmpty()) {
            throw new IllegalArgumentException("select_leads: the ECG has no lead names to select " + leads + " from");
        }
        int[] index = new int[leads.size()];
        for (int i = 0; i < leads.size(); i++) {
            index[i] = indexOf(available, leads.get(i));
        }
        return index;
    }

    /**
     * The index of {@code lead} among {@code available}, matching case-insensitively.
     *
     * @throws IllegalArgumentException naming the missing lead and the available ones
     */
    public static int indexOf(List<String> available, String lead) {
        String wanted = lead.trim().toLowerCase(Locale.ROOT);
        for (int j = 0; j < available.size(); j++) {
            if (available.get(j) != null && available.get(j).trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                return j;
            }
        }
        throw new IllegalArgumentException("lead '" + lead + "' not found; the ECG has leads " + available);
    }
}
