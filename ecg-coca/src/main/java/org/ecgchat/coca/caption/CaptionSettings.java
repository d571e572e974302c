package org.ecgchat.coca.caption;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.ecgchat.coca.ConfigJson;

/**
 * How captions are generated: the options of open_clip's {@code CoCa.generate} with its defaults,
 * plus the Hugging Face beam-search options it leaves at their defaults. JSON uses open_clip's
 * argument names ({@code generation_type}, {@code seq_len}, {@code min_seq_len}, ...); absent fields
 * keep the defaults.
 *
 * @param strategy how the next token is chosen ({@code generation_type}; open_clip: beam search)
 * @param seqLen the longest output in tokens, start token included; sampling forces the end token at
 *     this length (open_clip: 30)
 * @param minSeqLen the end token is forbidden while the sequence is shorter than this (open_clip: 5)
 * @param maxSeqLen sampling feeds the model only the last {@code maxSeqLen} tokens; 0 means as many as
 *     the model's decoder accepts (open_clip: 77, which is that limit for ECG-Chat's configuration)
 * @param temperature divides the filtered logits before the softmax when sampling
 * @param topK tokens kept by top-k sampling (open_clip: 1)
 * @param topP probability mass kept by nucleus sampling (open_clip: 0.1)
 * @param numBeams beams per ECG (open_clip: 6)
 * @param numBeamGroups groups of diverse beam search; divides {@code numBeams} (open_clip: 3)
 * @param diversityPenalty Hugging Face's Hamming diversity penalty between beam groups; open_clip
 *     applies none (0)
 * @param lengthPenalty finished beams score {@code sum / length^lengthPenalty} (1)
 * @param earlyStopping when a beam group stops (Hugging Face {@code early_stopping}: heuristic)
 * @param repetitionPenalty CTRL-style penalty on tokens already in the sequence (1 = none)
 * @param fixedOutputLength pad every output with the pad token to {@code seqLen}
 * @param beamScores what beam search adds up per step: raw logits as open_clip does, or log-probabilities
 * @param seed seed of top-k / top-p sampling
 */
public record CaptionSettings(
        @JsonProperty("generation_type") Strategy strategy,
        @JsonProperty("seq_len") int seqLen,
        @JsonProperty("min_seq_len") int minSeqLen,
        @JsonProperty("max_seq_len") int maxSeqLen,
        @JsonProperty("temperature") double temperature,
        @JsonProperty("top_k") int topK,
        @JsonProperty("top_p") double topP,
        @JsonProperty("num_beams") int numBeams,
        @JsonProperty("num_beam_groups") int numBeamGroups,
        @JsonProperty("diversity_penalty") double diversityPenalty,
        @JsonProperty("length_penalty") double lengthPenalty,
        @JsonProperty("early_stopping") EarlyStopping earlyStopping,
        @JsonProperty("repetition_penalty") double repetitionPenalty,
        @JsonProperty("fixed_output_length") boolean fixedOutputLength,
        @JsonProperty("beam_scores") BeamScores beamScores,
        @JsonProperty("seed") long seed) {

    /** How the next token is chosen. */
    public enum Strategy {
        /** The most likely token (first on ties). */
        @JsonProperty("greedy") GREEDY,
        /** Sampling among the {@code topK} most likely tokens. */
        @JsonProperty("top_k") TOP_K,
        /** Sampling among the smallest set of tokens holding probability {@code topP}. */
        @JsonProperty("top_p") TOP_P,
        /** (Diverse) beam search. */
        @JsonProperty("beam_search") BEAM_SEARCH
    }

    /** Hugging Face's {@code early_stopping} of a beam group that holds {@code numBeams / numBeamGroups} finished beams. */
    public enum EarlyStopping {
        /** Stop when no running beam can still beat the worst finished one at the current length (HF {@code False}). */
        @JsonProperty("heuristic") HEURISTIC,
        /** Stop at once (HF {@code True}). */
        @JsonProperty("first") FIRST,
        /** Stop only when no running beam can beat it at any length up to {@code seqLen} (HF {@code "never"}). */
        @JsonProperty("never") NEVER
    }

    /** What beam search accumulates per step. */
    public enum BeamScores {
        /** The processed logits themselves, as open_clip's {@code _generate_beamsearch}. */
        @JsonProperty("logits") LOGITS,
        /** Log-softmax of the logits, as Hugging Face's own beam search. */
        @JsonProperty("log_probs") LOG_PROBS
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public CaptionSettings {
        Objects.requireNonNull(strategy, "generation_type");
        Objects.requireNonNull(earlyStopping, "early_stopping");
        Objects.requireNonNull(beamScores, "beam_scores");
        if (minSeqLen < 0) {
            throw new IllegalArgumentException("min_seq_len must not be negative, was " + minSeqLen);
        }
        if (seqLen <= minSeqLen || seqLen < 2) {
            throw new IllegalArgumentException("seq_len (" + seqLen + ") must be larger than min_seq_len (" + minSeqLen
                    + ") and at least 2");
        }
        if (maxSeqLen < 0) {
            throw new IllegalArgumentException("max_seq_len must be positive (or 0 for the model's limit), was "
                    + maxSeqLen);
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a positive number, was " + temperature);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("top_k must be at least 1, was " + topK);
        }
        if (!(topP >= 0 && topP <= 1)) {
            throw new IllegalArgumentException("top_p must be in [0, 1], was " + topP);
        }
        if (numBeams < 1 || numBeamGroups < 1 || numBeamGroups > numBeams || numBeams % numBeamGroups != 0) {
            throw new IllegalArgumentException("num_beam_groups (" + numBeamGroups + ") must divide num_beams ("
                    + numBeams + "), both at least 1");
        }
        if (!(diversityPenalty >= 0) || Double.isInfinite(diversityPenalty)) {
            throw new IllegalArgumentException("diversity_penalty must be a non-negative number, was "
                    + diversityPenalty);
        }
        if (!Double.isFinite(lengthPenalty)) {
            throw new IllegalArgumentException("length_penalty must be finite, was " + lengthPenalty);
        }
        if (!(repetitionPenalty > 0) || Double.isInfinite(repetitionPenalty)) {
            throw new IllegalArgumentException("repetition_penalty must be a positive number, was " + repetitionPenalty);
        }
    }

    /** open_clip's defaults: beam search with 6 beams in 3 groups, 5 to 30 tokens. */
    public static CaptionSettings defaults() {
        return new CaptionSettings(Strategy.BEAM_SEARCH, 30, 5, 0, 1.0, 1, 0.1, 6, 3, 0.0, 1.0,
                EarlyStopping.HEURISTIC, 1.0, false, BeamScores.LOGITS, 0);
    }

    /** Greedy decoding with open_clip's other defaults. */
    public static CaptionSettings greedy() {
        return defaults().toBuilder().strategy(Strategy.GREEDY).build();
    }

    /** Settings from JSON with open_clip's argument names; absent fields keep {@link #defaults()}. */
    @JsonCreator
    static CaptionSettings fromJson(
            @JsonProperty("generation_type") Strategy strategy,
            @JsonProperty("seq_len") Integer seqLen,
            @JsonProperty("min_seq_len") Integer minSeqLen,
            @JsonProperty("max_seq_len") Integer maxSeqLen,
            @JsonProperty("temperature") Double temperature,
            @JsonProperty("top_k") Integer topK,
            @JsonProperty("top_p") Double topP,
            @JsonProperty("num_beams") Integer numBeams,
            @JsonProperty("num_beam_groups") Integer numBeamGroups,
            @JsonProperty("diversity_penalty") Double diversityPenalty,
            @JsonProperty("length_penalty") Double lengthPenalty,
            @JsonProperty("early_stopping") EarlyStopping earlyStopping,
            @JsonProperty("repetition_penalty") Double repetitionPenalty,
            @JsonProperty("fixed_output_length") Boolean fixedOutputLength,
            @JsonProperty("beam_scores") BeamScores beamScores,
            @JsonProperty("seed") Long seed) {
        CaptionSettings d = defaults();
        return new CaptionSettings(strategy != null ? strategy : d.strategy, seqLen != null ? seqLen : d.seqLen,
                minSeqLen != null ? minSeqLen : d.minSeqLen, maxSeqLen != null ? maxSeqLen : d.maxSeqLen,
                temperature != null ? temperature : d.temperature, topK != null ? topK : d.topK,
                topP != null ? topP : d.topP, numBeams != null ? numBeams : d.numBeams,
                numBeamGroups != null ? numBeamGroups : d.numBeamGroups,
                diversityPenalty != null ? diversityPenalty : d.diversityPenalty,
                lengthPenalty != null ? lengthPenalty : d.lengthPenalty,
                earlyStopping != null ? earlyStopping : d.earlyStopping,
                repetitionPenalty != null ? repetitionPenalty : d.repetitionPenalty,
                fixedOutputLength != null ? fixedOutputLength : d.fixedOutputLength,
                beamScores != null ? beamScores : d.beamScores, seed != null ? seed : d.seed);
    }

    /** Parses settings from JSON text ({@code source} names it in errors). */
    public static CaptionSettings parse(String json, String source) {
        return ConfigJson.parse(JSON, json, CaptionSettings.class, source);
    }

    /** Reads settings from a JSON file. */
    public static CaptionSettings read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** These settings as JSON with open_clip's argument names. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + this, e);
        }
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings of a {@link CaptionSettings}; {@link #build()} validates. */
    public static final class Builder {
        private Strategy strategy;
        private int seqLen;
        private int minSeqLen;
        private int maxSeqLen;
        private double temperature;
        private int topK;
        private double topP;
        private int numBeams;
        private int numBeamGroups;
        private double diversityPenalty;
        private double lengthPenalty;
        private EarlyStopping earlyStopping;
        private double repetitionPenalty;
        private boolean fixedOutputLength;
        private BeamScores beamScores;
        private long seed;

        private Builder(CaptionSettings s) {
            strategy = s.strategy;
            seqLen = s.seqLen;
            minSeqLen = s.minSeqLen;
            maxSeqLen = s.maxSeqLen;
            temperature = s.temperature;
            topK = s.topK;
            topP = s.topP;
            numBeams = s.numBeams;
            numBeamGroups = s.numBeamGroups;
            diversityPenalty = s.diversityPenalty;
            lengthPenalty = s.lengthPenalty;
            earlyStopping = s.earlyStopping;
            repetitionPenalty = s.repetitionPenalty;
            fixedOutputLength = s.fixedOutputLength;
            beamScores = s.beamScores;
            seed = s.seed;
        }

        public Builder strategy(Strategy v) {
            strategy = v;
            return this;
        }

        public Builder seqLen(int v) {
            seqLen = v;
            return this;
        }

        public Builder minSeqLen(int v) {
            minSeqLen = v;
            return this;
        }

        public Builder maxSeqLen(int v) {
            maxSeqLen = v;
            return this;
        }

        public Builder temperature(double v) {
            temperature = v;
            return this;
        }

        public Builder topK(int v) {
            topK = v;
            return this;
        }

        public Builder topP(double v) {
            topP = v;
            return this;
        }

        /** Beams and beam groups together (the groups must divide the beams). */
        public Builder beams(int beams, int groups) {
            numBeams = beams;
            numBeamGroups = groups;
            return this;
        }

        public Builder diversityPenalty(double v) {
            diversityPenalty = v;
            return this;
        }

        public Builder lengthPenalty(double v) {
            lengthPenalty = v;
            return this;
        }

        public Builder earlyStopping(EarlyStopping v) {
            earlyStopping = v;
            return this;
        }

        public Builder repetitionPenalty(double v) {
            repetitionPenalty = v;
            return this;
        }

        public Builder fixedOutputLength(boolean v) {
            fixedOutputLength = v;
            return this;
        }

        public Builder beamScores(BeamScores v) {
            beamScores = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public CaptionSettings build() {
            return new CaptionSettings(strategy, seqLen, minSeqLen, maxSeqLen, temperature, topK, topP, numBeams,
                    numBeamGroups, diversityPenalty, lengthPenalty, earlyStopping, repetitionPenalty,
                    fixedOutputLength, beamScores, seed);
        }
    }
}
