package org.ecgchat.coca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Configuration records from JSON, with errors as {@link IllegalArgumentException}s that name the
 * source and say what is wrong (a validating constructor's own message, or Jackson's with the line).
 */
public final class ConfigJson {

    private ConfigJson() {}

    /** Parses {@code json} into a {@code type}; {@code source} (a file name) starts every message. */
    public static <T> T parse(ObjectMapper mapper, String json, Class<T> type, String source) {
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new IllegalArgumentException(source + ": empty configuration");
            }
            return value;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(source + ": " + cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), e);
        }
    }
}
