package org.ecgchat.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class TorchCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void theOpenClipFixtureEqualsItsSafetensorsTwinTensorForTensor() throws IOException {
        Path coca = Fixtures.coca();
        StateDict expected = Safetensors.read(coca.resolve("model.safetensors"));

        TorchCheckpoint raw = TorchCheckpoint.read(coca.resolve("epoch_1.pt"));
        assertThat(raw.metadata()).containsEntry("epoch", "1").containsEntry("name", "coca-small");
        assertThat(raw.stateDict().allNamesStartWith("module.")).isTrue();

        Checkpoint loaded = Checkpoints.load(coca.resolve("epoch_1.pt"));
        StateDict actual = loaded.stateDict();
        assertThat(actual.names()).containsExactlyInAnyOrderElementsOf(expected.names());
        for (String name : expected.names()) {
            INDArray a = actual.get(name);
            INDArray e = expected.get(name);
            assertThat(a.dataType()).as(name).isEqualTo(e.dataType());
            assertThat(a.shape()).as(name).containsExactly(e.shape());
            assertThat(SafetensorsTest.values(a)).as(name).containsExactly(SafetensorsTest.values(e));
        }
        assertThat(loaded.metadata()).containsEntry("epoch", "1");
    }

    /** The storages of {@link #syntheticPickle()}: key → little-endian bytes. */
    private static Map<String, byte[]> syntheticStorages(ByteOrder order) {
        Map<String, byte[]> s = new LinkedHashMap<>();
        ByteBuffer f = ByteBuffer.allocate(24).order(order);
        for (int i = 0; i < 6; i++) {
            f.putFloat(i + 0.5f);
        }
        s.put("0", f.array());
        ByteBuffer h = ByteBuffer.allocate(4).order(order).putShort((short) 0x3C00).putShort((short) 0xC000);
        s.put("1", h.array());
        ByteBuffer bf = ByteBuffer.allocate(2).order(order).putShort((short) 0x4049);
        s.put("2", bf.array());
        ByteBuffer l = ByteBuffer.allocate(16).order(order).putLong(-5).putLong(1L << 40);
        s.put("3", l.array());
        ByteBuffer in = ByteBuffer.allocate(4).order(order).putInt(123456);
        s.put("4", in.array());
        s.put("5", new byte[] {(byte) 200, 7});
        s.put("6", new byte[] {1, 0, 1});
        ByteBuffer sc = ByteBuffer.allocate(4).order(order).putFloat(2.6592f);
        s.put("7", sc.array());
        return s;
    }

    /** A torch.save-style pickle: an OrderedDict state dict with _metadata, views and every dtype. */
    private static byte[] syntheticPickle(boolean legacy) {
        PickleWriter p = new PickleWriter().proto(2);
        p.global("collections", "OrderedDict").emptyTuple().reduce().mark();
        p.str("w").tensor("FloatStorage", "0", 6, 0, new long[] {2, 3}, new long[] {3, 1}, legacy);
        p.str("t").tensor("FloatStorage", "0", 6, 0, new long[] {3, 2}, new long[] {1, 3}, legacy);
        p.str("tail").tensor("FloatStorage", "0", 6, 4, new long[] {2}, new long[] {1}, legacy);
        p.str("h").tensor("HalfStorage", "1", 2, 0, new long[] {2}, new long[] {1}, legacy);
        p.str("bf").tensor("BFloat16Storage", "2", 1, 0, new long[] {1}, new long[] {1}, legacy);
        p.str("l").global("torch._utils", "_rebuild_parameter").mark()
                .tensor("LongStorage", "3", 2, 0, new long[] {2}, new long[] {1}, legacy)
                .bool(true).global("collections", "OrderedDict").emptyTuple().reduce().tupleFromMark().reduce();
        p.str("i").tensor("IntStorage", "4", 1, 0, new long[] {1, 1}, new long[] {1, 1}, legacy);
        p.str("u8").tensor("ByteStorage", "5", 2, 0, new long[] {2}, new long[] {1}, legacy);
        p.str("mask").tensor("BoolStorage", "6", 3, 0, new long[] {3}, new long[] {1}, legacy);
        p.str("logit_scale").tensor("FloatStorage", "7", 1, 0, new long[] {}, new long[] {}, legacy);
        p.str("empty").tensor("FloatStorage", "8", 0, 0, new long[] {0, 4}, new long[] {4, 1}, legacy);
        p.setitems();
        p.emptyDict().str("_metadata").emptyDict().setitem().build();
        return p.stop().bytes();
    }

    private Path writeZip(String name, byte[] pickle, Map<String, byte[]> storages, String byteorder) throws IOException {
        Path file = dir.resolve(name);
        String prefix = name.replace(".pt", "") + "/";
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.setMethod(ZipOutputStream.STORED);
            entry(zip, prefix + "data.pkl", pickle);
            if (byteorder != null) {
                entry(zip, prefix + "byteorder", byteorder.getBytes(StandardCharsets.US_ASCII));
            }
            for (Map.Entry<String, byte[]> s : storages.entrySet()) {
                entry(zip, prefix + "data/" + s.getKey(), s.getValue());
            }
            entry(zip, prefix + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static void assertSyntheticValues(StateDict sd) {
        assertThat(sd.names()).containsExactly("w", "t", "tail", "h", "bf", "l", "i", "u8", "mask", "logit_scale", "empty");
        assertThat(sd.get("w").toFloatMatrix()).isDeepEqualTo(new float[][] {{0.5f, 1.5f, 2.5f}, {3.5f, 4.5f, 5.5f}});
        assertThat(sd.get("t").toFloatMatrix()).isDeepEqualTo(new float[][] {{0.5f, 3.5f}, {1.5f, 4.5f}, {2.5f, 5.5f}});
        assertThat(sd.get("tail").toFloatVector()).containsExactly(4.5f, 5.5f);
        assertThat(sd.get("h").dataType()).isEqualTo(DataType.FLOAT16);
        assertThat(sd.requireFloat("h", 2).toFloatVector()).containsExactly(1f, -2f);
        assertThat(sd.get("bf").dataType()).isEqualTo(DataType.BFLOAT16);
        assertThat(sd.requireFloat("bf", 1).getFloat(0)).isEqualTo(3.140625f);
        assertThat(sd.get("l").dataType()).isEqualTo(DataType.INT64);
        assertThat(sd.get("l").toLongVector()).containsExactly(-5L, 1L << 40);
        assertThat(sd.require("i", 1, 1).getInt(0, 0)).isEqualTo(123456);
        assertThat(sd.get("u8").dataType()).isEqualTo(DataType.UINT8);
        assertThat(sd.get("u8").getInt(0)).isEqualTo(200);
        assertThat(sd.get("mask").dataType()).isEqualTo(DataType.BOOL);
        assertThat(Arrays.toString(sd.get("mask").toIntVector())).isEqualTo("[1, 0, 1]");
        assertThat(sd.get("logit_scale").rank()).isZero();
        assertThat(sd.get("logit_scale").getFloat(0)).isEqualTo(2.6592f);
        assertThat(sd.get("empty").shape()).containsExactly(0, 4);
    }

    @Test
    void readsViewsOffsetsStridesAndEveryDtypeOfAZipCheckpoint() throws IOException {
        Map<String, byte[]> storages = syntheticStorages(ByteOrder.LITTLE_ENDIAN);
        storages.put("8", new byte[0]);
        Path file = writeZip("archive.pt", syntheticPickle(false), storages, "little");
        TorchCheckpoint c = TorchCheckpoint.read(file);
        assertSyntheticValues(c.stateDict());
        assertThat(c.metadata()).isEmpty();
    }

    @Test
    void honoursABigEndianByteorderRecord() throws IOException {
        Map<String, byte[]> storages = syntheticStorages(ByteOrder.BIG_ENDIAN);
        storages.put("8", new byte[0]);
        assertSyntheticValues(TorchCheckpoint.read(writeZip("big.pt", syntheticPickle(false), storages, "big")).stateDict());
    }

    @Test
    void readsTheLegacyNonZipFormat() throws IOException {
        Map<String, byte[]> storages = syntheticStorages(ByteOrder.LITTLE_ENDIAN);
        storages.put("8", new byte[0]);
        int[] elementSizes = {4, 2, 2, 8, 4, 1, 1, 4, 4};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new PickleWriter().proto(2).op(0x8a).op(10)
                .raw(new byte[] {0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19})
                .stop().bytes());
        out.writeBytes(new PickleWriter().proto(2).integer(1001).stop().bytes());
        out.writeBytes(new PickleWriter().proto(2).emptyDict().str("little_endian").bool(true).setitem().stop().bytes());
        out.writeBytes(syntheticPickle(true));
        PickleWriter keys = new PickleWriter().proto(2).op(']').mark();
        storages.keySet().forEach(keys::str);
        out.writeBytes(keys.op('e').stop().bytes());
        int k = 0;
        for (byte[] data : storages.values()) {
            out.writeBytes(PickleWriter.le(data.length / elementSizes[k++], 8));
            out.writeBytes(data);
        }
        Path file = dir.resolve("legacy.pt");
        Files.write(file, out.toByteArray());

        assertSyntheticValues(TorchCheckpoint.read(file).stateDict());

        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() - 3);
        Files.write(file, cut);
        assertThatThrownBy(() -> TorchCheckpoint.read(file)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("storage 8");
    }

    @Test
    void refusesPicklesNamingDangerousGlobalsBeforeAnythingRuns() throws IOException {
        Path marker = dir.resolve("pwned");
        String command = "touch " + marker;
        byte[][] attacks = {
            new PickleWriter().proto(2).global("os", "system").mark().str(command).tupleFromMark().reduce().stop().bytes(),
            new PickleWriter().proto(4).stackGlobal("builtins", "eval").mark().str("__import__('os').system('" + command + "')")
                    .tupleFromMark().reduce().stop().bytes(),
            new PickleWriter().proto(2).global("subprocess", "Popen").mark().mark().str("touch").str(marker.toString())
                    .op('l').tupleFromMark().reduce().stop().bytes(),
            new PickleWriter().proto(0).mark().str(command).raw("ios\nsystem\n".getBytes(StandardCharsets.US_ASCII)).stop().bytes(),
            new PickleWriter().proto(2).global("datetime", "datetime").emptyTuple().reduce().stop().bytes(),
            new PickleWriter().proto(2).global("copy_reg", "_reconstructor").emptyTuple().reduce().stop().bytes(),
        };
        String[] named = {"'os.system'", "'builtins.eval'", "'subprocess.Popen'", "opcode 0x69", "'datetime.datetime'",
            "'copy_reg._reconstructor'"};
        for (int i = 0; i < attacks.length; i++) {
            Path file = writeZip("evil" + i + ".pt", attacks[i], Map.of(), null);
            assertThatThrownBy(() -> Checkpoints.load(file)).as(named[i]).isInstanceOf(CheckpointFormatException.class)
                    .hasMessageContaining("evil" + i + ".pt").hasMessageContaining(named[i]).hasMessageContaining("refusing");
            Path legacy = dir.resolve("evil" + i + ".pkl");
            Files.write(legacy, attacks[i]);
            assertThatThrownBy(() -> TorchCheckpoint.read(legacy)).as(named[i]).isInstanceOf(CheckpointFormatException.class)
                    .hasMessageContaining(named[i]);
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void refusesCallsOfAllowedNamesThatAreNotFunctions() throws IOException {
        byte[] pickle = new PickleWriter().proto(2).global("torch", "FloatStorage").emptyTuple().reduce().stop().bytes();
        Path file = writeZip("call.pt", pickle, Map.of(), null);
        assertThatThrownBy(() -> TorchCheckpoint.read(file)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("not a call a state dict needs");
    }

    @Test
    void refusesStoragesThatDisagreeWithTheirTensors() throws IOException {
        Map<String, byte[]> storages = syntheticStorages(ByteOrder.LITTLE_ENDIAN);
        storages.put("8", new byte[0]);
        storages.put("0", new byte[20]);
        assertThatThrownBy(() -> TorchCheckpoint.read(writeZip("short.pt", syntheticPickle(false), storages, null)))
                .isInstanceOf(CheckpointFormatException.class)
                .hasMessageContainingAll("short/data/0", "20 bytes", "6 F32 elements");

        storages.put("0", new byte[24]);
        storages.remove("3");
        assertThatThrownBy(() -> TorchCheckpoint.read(writeZip("missing.pt", syntheticPickle(false), storages, null)))
                .isInstanceOf(CheckpointFormatException.class).hasMessageContaining("missing/data/3 is missing");

        byte[] beyond = new PickleWriter().proto(2).emptyDict().str("ecg.proj")
                .tensor("FloatStorage", "0", 6, 2, new long[] {2, 3}, new long[] {3, 1}, false).setitem().stop().bytes();
        assertThatThrownBy(() -> TorchCheckpoint.read(writeZip("beyond.pt", beyond, Map.of("0", new byte[24]), null)))
                .isInstanceOf(CheckpointFormatException.class)
                .hasMessageContainingAll("'ecg.proj'", "[2, 3]", "reaches element 7", "holds 6");
    }

    @Test
    void tiedWeightsShareOneArrayWhileInflatingViewsAreRefused() throws IOException {
        long[] full = {2, 3};
        long[] rowMajor = {3, 1};
        byte[] tied = new PickleWriter().proto(2).emptyDict().mark()
                .str("token_embedding.weight").tensor("FloatStorage", "0", 6, 0, full, rowMajor, false)
                .str("text_projection.weight").tensor("FloatStorage", "0", 6, 0, full, rowMajor, false)
                .setitems().stop().bytes();
        Map<String, byte[]> storage = Map.of("0", syntheticStorages(ByteOrder.LITTLE_ENDIAN).get("0"));
        StateDict sd = TorchCheckpoint.read(writeZip("tied.pt", tied, storage, null)).stateDict();
        assertThat(sd.get("text_projection.weight").data().address()).isEqualTo(sd.get("token_embedding.weight").data().address());
        assertThat(sd.get("text_projection.weight").getFloat(1, 2)).isEqualTo(5.5f);

        byte[] broadcast = new PickleWriter().proto(2).emptyDict().str("b")
                .tensor("FloatStorage", "0", 6, 0, new long[] {4, 6}, new long[] {0, 1}, false).setitem().stop().bytes();
        assertThatThrownBy(() -> TorchCheckpoint.read(writeZip("broadcast.pt", broadcast, storage, null)))
                .isInstanceOf(CheckpointFormatException.class).hasMessageContainingAll("'b'", "broadcast");

        PickleWriter many = new PickleWriter().proto(2).emptyDict().mark();
        for (int i = 0; i < 10; i++) {
            many.str("view" + i).tensor("FloatStorage", "0", 6, 0, new long[] {3}, new long[] {2}, false);
        }
        byte[] inflating = many.setitems().stop().bytes();
        assertThatThrownBy(() -> TorchCheckpoint.read(writeZip("inflating.pt", inflating, storage, null)))
                .isInstanceOf(CheckpointFormatException.class).hasMessageContainingAll("'view2'", "inflate");
    }

    @Test
    void refusesTruncatedAndCorruptFilesWithoutAllocatingClaimedSizes() throws IOException {
        Map<String, byte[]> storages = syntheticStorages(ByteOrder.LITTLE_ENDIAN);
        storages.put("8", new byte[0]);
        Path good = writeZip("good.pt", syntheticPickle(false), storages, null);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.pt");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> TorchCheckpoint.read(cut)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("cut.pt");

        byte[] huge = new PickleWriter().proto(2).op('X').raw(PickleWriter.le(0x7fff_fff0L, 4)).raw(new byte[10]).stop().bytes();
        assertThatThrownBy(() -> TorchCheckpoint.read(writeZip("huge.pt", huge, Map.of(), null)))
                .isInstanceOf(CheckpointFormatException.class).hasMessageContaining("claims a 2147483632-byte string");

        byte[] truncated = Arrays.copyOf(syntheticPickle(false), 100);
        assertThatThrownBy(() -> TorchCheckpoint.read(writeZip("trunc.pt", truncated, storages, null)))
                .isInstanceOf(CheckpointFormatException.class).hasMessageContaining("trunc.pt");

        Path text = dir.resolve("notes.pt");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> TorchCheckpoint.read(text)).isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("not a PyTorch checkpoint");
    }

    @Test
    void refusesStateDictsHoldingNonTensors() throws IOException {
        byte[] pickle = new PickleWriter().proto(2).emptyDict().str("epoch").integer(3).setitem()
                .str("weights").emptyDict().setitem().stop().bytes();
        // {"epoch": 3, "weights": {}} is neither a state dict nor a training checkpoint
        assertThatThrownBy(() -> TorchCheckpoint.read(writeZip("odd.pt", pickle, Map.of(), null)))
                .isInstanceOf(CheckpointFormatException.class)
                .hasMessageContainingAll("'epoch'", "expected a tensor", "top-level keys");
    }
}
