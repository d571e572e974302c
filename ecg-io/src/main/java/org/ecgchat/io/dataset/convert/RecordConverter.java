package org.ecgchat.io.dataset.convert;

import java.io.IOException;
import java.util.List;
import org.ecgchat.io.wfdb.WfdbRecord;

/**
 * Turns one source file of a dataset (an SPH HDF5 file, a CPSC2018 MATLAB file) into a 12-lead,
 * 500 Hz WFDB record. Implementations are stateless and thread-safe.
 */
public interface RecordConverter {

    /** The 12 standard leads, in the order every ECG-Chat dataset stores them. */
    List<String> LEADS = List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");

    /** Sampling frequency of every converted record. */
    double SAMPLING_FREQUENCY = 500;

    /** File-name suffix of the source files, e.g. {@code ".h5"}. */
    String sourceSuffix();

    /**
     * Converts one source file.
     *
     * @param recordName the record name to give the result (the source's base name)
     * @param content    the source file's bytes
     * @param source     the source's name for error messages (a path, or archive!entry)
     * @throws org.ecgchat.io.dataset.DatasetFormatException naming the source and what it lacks
     */
    WfdbRecord convert(String recordName, byte[] content, String source) throws IOException;
}
