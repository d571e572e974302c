package org.ecgchat.augment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Reads and writes augmenter configurations as JSON with the original argument names, the
 * augmenter named by {@code "name"}; missing arguments take the original defaults:
 *
 * <pre>{@code
 * {"name": "Compose", "transforms": [
 *   {"name": "RandomApply", "p": 0.5, "transforms": [{"name": "BaselineWander", "fs": 500}]},
 *   {"name": "RandomApply", "p": 0.5, "transforms": [{"name": "CutMix"}]},
 *   {"name": "RandomApply", "p": 0.3, "transforms": [{"name": "RandomMasking", "fs": 500}]},
 *   {"name": "Normalize", "mean": [0], "std": [1]},
 *   {"name": "Resize", "seq_length": 5000}]}
 * }</pre>
 */
public final class AugmenterJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AugmenterJson() {
    }

    /** Parses a configuration; {@code source} names it in error messages. */
    public static Augmenter read(String json, String source) {
        try {
            return MAPPER.readValue(json, Augmenter.class);
        } catch (JsonProcessingException e) {
            throw new AugmenterConfigException(describe(source, e), e);
        }
    }

    /** Parses a configuration string. */
    public static Augmenter read(String json) {
        return read(json, "<string>");
    }

    /** Reads a configuration file. */
    public static Augmenter read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** The configuration as indented JSON. */
    public static String write(Augmenter augmenter) {
        try {
            return MAPPER.writeValueAsString(augmenter);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the configuration to {@code file} atomically: a temporary file beside it (created with
     * the umask's permissions, unlike {@code Files.createTempFile}'s owner-only ones), then a rename.
     */
    public static void write(Augmenter augmenter, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(tmp, write(augmenter), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String describe(String source, JsonProcessingException e) {
        StringBuilder message = new StringBuilder(source);
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message.append(':').append(at.getLineNr()).append(':').append(at.getColumnNr());
        }
        if (e instanceof JsonMappingException d && !d.getPath().isEmpty()) {
            message.append(" at ").append(path(d));
        }
        Throwable cause = e.getCause();
        String detail = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
        return message.append(": ").append(detail).toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
