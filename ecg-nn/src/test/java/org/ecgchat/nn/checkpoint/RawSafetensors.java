package org.ecgchat.nn.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An independent, deliberately naive safetensors decoder for tests: reads the whole file onto the
 * heap and decodes values with {@link ByteBuffer} getters, sharing no code with the reader under test.
 */
final class RawSafetensors {
    final ByteBuffer bytes;
    final long headerLength;
    final JsonNode header;

    RawSafetensors(Path file) throws IOException {
        bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        headerLength = bytes.getLong(0);
        header = new ObjectMapper().readTree(new String(bytes.array(), 8, (int) headerLength, StandardCharsets.UTF_8));
    }

    /** The tensor's shape as the header states it. */
    long[] shape(String name) {
        JsonNode node = header.get(name).get("shape");
        long[] s = new long[node.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = node.get(i).asLong();
        }
        return s;
    }

    /** The tensor's values as doubles (integers converted exactly up to 2^53). */
    double[] values(String name) {
        JsonNode e = header.get(name);
        String dtype = e.get("dtype").asText();
        int begin = (int) (8 + headerLength + e.get("data_offsets").get(0).asLong());
        int end = (int) (8 + headerLength + e.get("data_offsets").get(1).asLong());
        int size = switch (dtype) {
            case "F64", "I64" -> 8;
            case "F32", "I32" -> 4;
            case "F16", "BF16", "I16" -> 2;
            default -> 1;
        };
        double[] out = new double[(end - begin) / size];
        for (int i = 0; i < out.length; i++) {
            int at = begin + i * size;
            out[i] = switch (dtype) {
                case "F64" -> bytes.getDouble(at);
                case "F32" -> bytes.getFloat(at);
                case "I64" -> bytes.getLong(at);
                case "I32" -> bytes.getInt(at);
                case "I16" -> bytes.getShort(at);
                case "BF16" -> Float.intBitsToFloat((bytes.getShort(at) & 0xffff) << 16);
                case "F16" -> halfToFloat(bytes.getShort(at));
                case "U8", "BOOL" -> bytes.get(at) & 0xff;
                case "I8" -> bytes.get(at);
                default -> throw new IllegalArgumentException(dtype);
            };
        }
        return out;
    }

    /** IEEE 754 binary16 to float, written from the definition. */
    static float halfToFloat(short h) {
        int sign = (h >> 15) & 1;
        int exponent = (h >> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        double magnitude;
        if (exponent == 0) {
            magnitude = mantissa * Math.pow(2, -24);
        } else if (exponent == 31) {
            magnitude = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            magnitude = (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
        }
        return (float) (sign == 1 ? -magnitude : magnitude);
    }
}
