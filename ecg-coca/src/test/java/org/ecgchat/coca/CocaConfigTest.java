package org.ecgchat.coca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgchat.nn.layers.Parameter;
import org.ecgchat.nn.layers.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading open_clip CoCa configurations and the architectures they describe. */
class CocaConfigTest {

    @Test
    void fixtureConfigDescribesTheSmallModel() throws IOException {
        CocaConfig c = CocaConfig.read(Fixtures.coca().resolve("config.json"));
        assertThat(c.embedDim()).isEqualTo(32);
        assertThat(c.ecg().heads()).isEqualTo(4);
        assertThat(c.ecg().patches()).isEqualTo(10);
        assertThat(c.text().bertVocabSize()).isEqualTo(100);
        assertThat(c.text().decoderVocabSize()).isEqualTo(100);
        assertThat(c.text().clsPooling()).isTrue();
        assertThat(c.multimodal().contextLength()).isEqualTo(16);
    }

    @Test
    void originalEcgChatConfigBuildsTheFullSizeModel() throws IOException {
        String shared = System.getProperty("ecgchat.shared");
        Path original = shared == null ? null : Path.of(shared, "ecgchat-metadata", "coca_ViT-B-32.json");
        assumeTrue(original != null && Files.isRegularFile(original), "coca_ViT-B-32.json absent; skipping");
        CocaConfig c = CocaConfig.read(original);
        assertThat(c).isEqualTo(CocaConfig.ecgChat());

        // hand count: an open_clip block and a BERT layer of width 768 / MLP 3072 both hold
        // 4·(768² + 768) + 2·768·3072 + 3072 + 768 + 4·768 parameters
        long block = 4L * (768 * 768 + 768) + 2L * 768 * 3072 + 3072 + 768 + 4 * 768;
        long ecg = 768L * 12 * 50 + 768 + 101L * 768 + 2 * 768 + 12 * block + 2 * 768 + 768L * 512;
        long bert = 30522L * 768 + 512L * 768 + 2 * 768 + 2 * 768 + 12 * block;
        long textProj = 768L * 512;
        long decoder = 12 * block + 12 * (block + 2 * 768) + 2 * 768 + 768L * 49408;
        List<Parameter> parameters = CocaModel.parametersOf(c);
        assertThat(bert).isEqualTo(108_891_648L); // BERT-base without its pooler
        assertThat(Parameters.count(parameters)).isEqualTo(ecg + bert + textProj + decoder + 1);
        assertThat(parameters).extracting(Parameter::name).contains(
                "ecg.transformer.resblocks.11.attn.in_proj_weight",
                "text.transformer.encoder.layer.11.output.LayerNorm.bias",
                "text_decoder.cross_attn.11.ln_1_kv.weight",
                "logit_scale");
        assertThat(parameters).contains(Parameter.of("text_decoder.text_projection", 768, 49408),
                Parameter.of("ecg.conv1.weight", 768, 12, 50), Parameter.of("ecg.proj", 768, 512),
                Parameter.of("text.proj.weight", 512, 768));
    }

    @Test
    void writesAndReadsBackTheSameConfiguration(@TempDir Path dir) throws IOException {
        CocaConfig c = CocaConfig.ecgChat();
        c.write(dir.resolve("config.json"));
        assertThat(CocaConfig.read(dir.resolve("config.json"))).isEqualTo(c);
        assertThat(Files.readString(dir.resolve("config.json"))).contains("\"embed_dim\"", "\"multimodal_cfg\"",
                "\"hf_model_name\" : \"ncbi/MedCPT-Query-Encoder\"");
    }

    @Test
    void unknownFieldsAreNamed() {
        assertThatThrownBy(() -> CocaConfig.parse(
                "{\"ecg_cfg\": {\"widht\": 3}, \"text_cfg\": {}, \"multimodal_cfg\": {}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("widht");
    }

    @Test
    void architectureOptionsThatAreNotImplementedAreRefusedByName() {
        assertThatThrownBy(() -> CocaConfig.parse("{\"ecg_cfg\": {\"attentional_pool\": true},"
                + " \"text_cfg\": {\"width\": 512}, \"multimodal_cfg\": {}}"))
                .hasMessageContaining("ecg_cfg.attentional_pool");
        assertThatThrownBy(() -> CocaConfig.parse("{\"ecg_cfg\": {}, \"text_cfg\": {\"hf_pooler_type\": \"max\"},"
                + " \"multimodal_cfg\": {}}"))
                .hasMessageContaining("text_cfg.hf_pooler_type");
    }

    @Test
    void inconsistentWidthsAreRefused() {
        assertThatThrownBy(() -> CocaConfig.parse("{\"ecg_cfg\": {\"width\": 768}, \"text_cfg\": {\"width\": 768},"
                + " \"multimodal_cfg\": {\"width\": 512}}"))
                .hasMessageContaining("text_cfg.width 768 must equal multimodal_cfg.width 512");
        assertThatThrownBy(() -> CocaConfig.parse("{\"ecg_cfg\": {\"width\": 100, \"head_width\": 64},"
                + " \"text_cfg\": {}, \"multimodal_cfg\": {}}"))
                .hasMessageContaining("ecg_cfg.width 100 is not a multiple of head_width 64");
    }
}
