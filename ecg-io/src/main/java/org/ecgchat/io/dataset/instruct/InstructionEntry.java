package org.ecgchat.io.dataset.instruct;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an ECG-Instruct (LLaVA-format) file.
 *
 * @param id            the entry's identifier
 * @param ecg           the WFDB record path relative to the ECG folder, absent for a text-only entry
 * @param conversations the messages, alternating human and gpt, starting with human
 * @param extra         any other fields of the entry, kept so that a file reads and writes back whole
 */
public record InstructionEntry(String id, Optional<String> ecg, List<Turn> conversations, Map<String, JsonNode> extra) {

    public InstructionEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ecg, "ecg");
        conversations = List.copyOf(conversations);
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** An entry about one ECG, without extra fields. */
    public static InstructionEntry of(String id, String ecg, List<Turn> conversations) {
        return new InstructionEntry(id, Optional.of(ecg), conversations, Map.of());
    }
}
