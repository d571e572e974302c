package org.ecgchat.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SafetensorsTest {
    @TempDir
    Path dir;

    static double[] values(INDArray a) {
        return a.isEmpty() ? new double[0] : a.dup('c').castTo(DataType.DOUBLE).data().asDouble();
    }

    @Test
    void readsEveryFixtureTensorWithTheValuesAndShapesOfTheFile() throws IOException {
        Path file = Fixtures.coca().resolve("model.safetensors");
        RawSafetensors raw = new RawSafetensors(file);
        StateDict sd = Safetensors.read(file);

        assertThat(sd.size()).isEqualTo(126);
        assertThat(sd.names().get(0)).isEqualTo("logit_scale");
        assertThat(sd.get("logit_scale").rank()).isZero();
        assertThat(sd.get("text.transformer.embeddings.word_embeddings.weight").shape()).containsExactly(100, 64);
        for (String name : sd.names()) {
            INDArray t = sd.get(name);
            assertThat(t.dataType()).as(name).isEqualTo(DataType.FLOAT);
            assertThat(t.shape()).as(name).containsExactly(raw.shape(name));
            assertThat(values(t)).as(name).containsExactly(raw.values(name));
        }
    }

    @Test
    void readsIntegerTensorsAndMetadataOfTheCaseFile() throws IOException {
        Path file = Fixtures.coca().resolve("case.safetensors");
        RawSafetensors raw = new RawSafetensors(file);
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            assertThat(f.metadata()).containsKeys("loss", "grads");
            assertThat(f.entry("input.text").dtype()).isEqualTo(TensorDType.I64);
            INDArray text = f.read("input.text");
            assertThat(text.dataType()).isEqualTo(DataType.INT64);
            assertThat(text.shape()).containsExactly(3, 12);
            assertThat(text.getLong(0, 0)).isEqualTo(1L);
            assertThat(values(text)).containsExactly(raw.values("input.text"));
        }
    }

    @Test
    void writeThenReadKeepsEveryDtypeShapeAndValueBitExactly() throws IOException {
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        tensors.put("f64", Nd4j.createFromArray(1.5, -2.25, Math.PI).reshape(3, 1));
        tensors.put("f32", Nd4j.createFromArray(new float[][] {{1f, -0.1f, 3e-38f}, {Float.MAX_VALUE, 0f, -7f}}));
        tensors.put("f16", Nd4j.createFromArray(1f, -2f, 65504f, 0.333f).castTo(DataType.FLOAT16));
        tensors.put("bf16", Nd4j.createFromArray(1f, -3f, 1.0e30f).castTo(DataType.BFLOAT16));
        tensors.put("i64", Nd4j.createFromArray(Long.MIN_VALUE, -1L, Long.MAX_VALUE));
        tensors.put("i32", Nd4j.createFromArray(Integer.MIN_VALUE, 7, Integer.MAX_VALUE));
        tensors.put("i16", Nd4j.createFromArray((short) -5, (short) 300));
        tensors.put("i8", Nd4j.createFromArray((byte) -128, (byte) 127));
        tensors.put("u8", Nd4j.createFromArray((byte) 1, (byte) 2).castTo(DataType.UINT8));
        tensors.put("bool", Nd4j.createFromArray(true, false, true));
        tensors.put("scalar", Nd4j.scalar(2.6592f));
        tensors.put("empty", Nd4j.create(DataType.FLOAT, 0, 4));
        tensors.put("transposed", Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}}).transpose());
        tensors.put("fortran", Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}}).dup('f'));
        StateDict written = StateDict.of("test", tensors);
        Path file = dir.resolve("all.safetensors");

        Safetensors.write(file, written, Map.of("format", "pt"));
        StateDict read = Safetensors.read(file);

        assertThat(read.names()).containsExactlyInAnyOrderElementsOf(written.names());
        for (String name : written.names()) {
            INDArray a = written.get(name);
            INDArray b = read.get(name);
            assertThat(b.dataType()).as(name).isEqualTo(a.dataType());
            assertThat(b.shape()).as(name).containsExactly(a.shape());
            assertThat(values(b)).as(name).containsExactly(values(a));
        }
        assertThat(read.get("transposed").getFloat(0, 1)).isEqualTo(4f);
        RawSafetensors raw = new RawSafetensors(file);
        assertThat(raw.headerLength % 8).isZero();
        assertThat(raw.header.get("__metadata__").get("format").asText()).isEqualTo("pt");
        assertThat(raw.values("f32")).containsExactly(1f, -0.1f, 3e-38f, Float.MAX_VALUE, 0f, -7f);
        assertThat(raw.values("transposed")).containsExactly(1, 4, 2, 5, 3, 6);
        raw.header.properties().forEach(e -> {
            if (!e.getKey().equals("__metadata__")) {
                int size = TensorDType.ofSafetensorsName(e.getValue().get("dtype").asText()).orElseThrow().byteSize();
                assertThat(e.getValue().get("data_offsets").get(0).asLong() % size).as(e.getKey()).isZero();
            }
        });
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void widensHalfAndBfloat16ToFloatExactly() throws IOException {
        short[] halfBits = {0x3C00, (short) 0xC000, 0x7BFF, 0x0001, 0x3555, (short) 0x8400};
        short[] bf16Bits = {0x3F80, (short) 0xC040, 0x4049, 0x0001, (short) 0xFF7F};
        Path file = dir.resolve("half.safetensors");
        writeRaw(file, "{\"h\":{\"dtype\":\"F16\",\"shape\":[6],\"data_offsets\":[0,12]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[5],\"data_offsets\":[12,22]}}", shorts(halfBits, bf16Bits));

        StateDict sd = Safetensors.read(file, true);

        INDArray h = sd.get("h");
        INDArray b = sd.get("b");
        assertThat(h.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(b.dataType()).isEqualTo(DataType.FLOAT);
        for (int i = 0; i < halfBits.length; i++) {
            assertThat(h.getFloat(i)).isEqualTo(RawSafetensors.halfToFloat(halfBits[i]));
        }
        assertThat(h.getFloat(0)).isEqualTo(1f);
        assertThat(h.getFloat(2)).isEqualTo(65504f);
        assertThat(h.getFloat(3)).isEqualTo((float) Math.pow(2, -24));
        for (int i = 0; i < bf16Bits.length; i++) {
            assertThat(b.getFloat(i)).isEqualTo(Float.intBitsToFloat((bf16Bits[i] & 0xffff) << 16));
        }
        assertThat(Safetensors.read(file).get("h").dataType()).isEqualTo(DataType.FLOAT16);
    }

    @Test
    void readsLargeTensorsWindowByWindowAndSwapsByteOrderWhenAsked() throws IOException {
        int n = 1001;
        ByteBuffer big = ByteBuffer.allocate(3 + 4 * n).order(ByteOrder.BIG_ENDIAN);
        big.put(new byte[] {9, 9, 9});
        for (int i = 0; i < n; i++) {
            big.putFloat(i * 0.5f - 7f);
        }
        Path file = dir.resolve("raw.bin");
        Files.write(file, big.array());
        INDArray dst = Nd4j.createUninitialized(DataType.FLOAT, n);
        try (FileChannel ch = FileChannel.open(file)) {
            NativeMemory.readInto(ch, 3, ByteOrder.BIG_ENDIAN, dst, 64);
        }
        for (int i = 0; i < n; i++) {
            assertThat(dst.getFloat(i)).isEqualTo(i * 0.5f - 7f);
        }
    }

    @Test
    void refusesTruncatedFilesNamingTheTensor() throws IOException {
        Path good = dir.resolve("good.safetensors");
        Safetensors.write(good, StateDict.of("t", Map.of("w", Nd4j.rand(DataType.FLOAT, 4, 4))));
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 1));

        assertThatThrownBy(() -> Safetensors.read(cut)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("cut.safetensors").hasMessageContaining("'w'").hasMessageContaining("outside");
        Path headerOnly = dir.resolve("header-only.safetensors");
        Files.write(headerOnly, Arrays.copyOf(bytes, 20));
        assertThatThrownBy(() -> Safetensors.read(headerOnly)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("header length");
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Safetensors.read(tiny)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("shorter than");
    }

    @Test
    void refusesHeaderLengthsBeyondTheFileWithoutAllocatingThem() throws IOException {
        Path file = dir.resolve("huge.safetensors");
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-2L).putLong(0);
        Files.write(file, b.array());
        assertThatThrownBy(() -> Safetensors.read(file)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("18446744073709551614");
        b.clear();
        b.putLong(1L << 40).putLong(0);
        Files.write(file, b.array());
        assertThatThrownBy(() -> Safetensors.read(file)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("impossible");
    }

    @Test
    void refusesMalformedHeadersWithTheFieldAndWhatWasExpected() throws IOException {
        String ok = "\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]";
        assertHeaderRefused("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8,
                "'w'", "need 12 bytes");
        assertHeaderRefused("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,16]}}", 8,
                "'w'", "outside");
        assertHeaderRefused("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[-4,4]}}", 8, "'w'", "outside");
        assertHeaderRefused("{\"w\":{\"dtype\":\"C64\",\"shape\":[1],\"data_offsets\":[0,8]}}", 8,
                "'w'", "unsupported dtype 'C64'");
        assertHeaderRefused("{\"w\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8, "'w'", "non-negative");
        assertHeaderRefused("{\"w\":{" + ok + "},\"v\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8,
                "overlap");
        assertHeaderRefused("{\"w\":{" + ok + "},\"w\":{" + ok + "}}", 8, "not valid JSON", "Duplicate");
        assertHeaderRefused("{\"w\":{\"dtype\":\"F32\"}}", 8, "'w'", "expected");
        assertHeaderRefused("[1,2]", 8, "not a JSON object");
        assertHeaderRefused("{\"__metadata__\":{\"a\":1}}", 0, "__metadata__", "'a'");
        assertHeaderRefused("{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}}", 8,
                "overflows");
    }

    @Test
    void reportsMissingTensorsByName() throws IOException {
        Path file = dir.resolve("one.safetensors");
        Safetensors.write(file, StateDict.of("t", Map.of("ecg.proj", Nd4j.zeros(DataType.FLOAT, 2))));
        try (SafetensorsFile f = SafetensorsFile.open(file)) {
            assertThatThrownBy(() -> f.read("ecg.conv1.weight")).isInstanceOf(CheckpointFormatException.class)
                    .hasMessageContaining("'ecg.conv1.weight'").hasMessageContaining("one.safetensors");
        }
    }

    private void assertHeaderRefused(String header, int dataBytes, String... messageParts) throws IOException {
        Path file = dir.resolve("bad.safetensors");
        writeRaw(file, header, new byte[dataBytes]);
        assertThatThrownBy(() -> Safetensors.read(file)).as(header).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("bad.safetensors").hasMessageContainingAll(messageParts);
    }

    static void writeRaw(Path file, String header, byte[] data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json).put(data);
        Files.write(file, b.array());
    }

    private static byte[] shorts(short[]... parts) {
        int n = 0;
        for (short[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (short[] p : parts) {
            for (short s : p) {
                b.putShort(s);
            }
        }
        return b.array();
    }
}
