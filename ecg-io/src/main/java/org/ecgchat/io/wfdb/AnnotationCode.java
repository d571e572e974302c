package org.ecgchat.io.wfdb;

import java.util.Objects;
import java.util.Optional;

/**
 * An annotation type: the MIT annotation code (WFDB's {@code anntyp}) with its mnemonic (what
 * {@code rdann} prints, e.g. {@code N}, {@code V}, {@code (}) and its description.
 *
 * <p>The standard table is WFDB's ({@code ecgcodes.h}, {@code annstr}/{@code anndesc} in
 * {@code annot.c}); its entries are the constants of this class and {@link #standard(int)}. An
 * annotation file may redefine codes with "modification labels" at its start (see {@link
 * AnnotationReader}); such a type is an {@code AnnotationCode} with the same code and another
 * mnemonic or description, so {@code type.equals(AnnotationCode.standard(type.code()))} tells
 * whether a type is the standard one.
 *
 * @param code        0 to {@value #MAX_CODE}; 1 to {@value #ACMAX} are the legal annotation codes,
 *                    0 is the null annotation ({@code NOTQRS}), 50 to 58 fit in a file word but
 *                    have no meaning
 * @param mnemonic    short label, usually one character (never null; {@code " "} for code 0)
 * @param description text description, or {@code null} when WFDB has none for the code
 */
public record AnnotationCode(int code, String mnemonic, String description) {

    /** Largest legal annotation code (WFDB's {@code ACMAX}); 42 to 49 are left to users. */
    public static final int ACMAX = 49;
    /** Largest code an MIT annotation word can carry; 59 to 63 mark pseudo-annotations. */
    public static final int MAX_CODE = 58;

    private static final String[] MNEMONICS = {
        " ", "N", "L", "R", "a", "V", "F", "J", "A", "S",
        "E", "j", "/", "Q", "~", "[15]", "|", "[17]", "s", "T",
        "*", "D", "\"", "=", "p", "B", "^", "t", "+", "u",
        "?", "!", "[", "]", "e", "n", "@", "x", "f", "(",
        ")", "r", "[42]", "[43]", "[44]", "[45]", "[46]", "[47]", "[48]", "[49]",
    };

    private static final String[] DESCRIPTIONS = {
        "",
        "Normal beat",
        "Left bundle branch block beat",
        "Right bundle branch block beat",
        "Aberrated atrial premature beat",
        "Premature ventricular contraction",
        "Fusion of ventricular and normal beat",
        "Nodal (junctional) premature beat",
        "Atrial premature beat",
        "Supraventricular premature or ectopic beat",
        "Ventricular escape beat",
        "Nodal (junctional) escape beat",
        "Paced beat",
        "Unclassifiable beat",
        "Change in signal quality",
        null,
        "Isolated QRS-like artifact",
        null,
        "ST segment change",
        "T-wave change",
        "Systole",
        "Diastole",
        "Comment annotation",
        "Measurement annotation",
        "P-wave peak",
        "Bundle branch block beat (unspecified)",
        "(Non-captured) pacemaker artifact",
        "T-wave peak",
        "Rhythm change",
        "U-wave peak",
        "Beat not classified during learning",
        "Ventricular flutter wave",
        "Start of ventricular flutter/fibrillation",
        "End of ventricular flutter/fibrillation",
        "Atrial escape beat",
        "Supraventricular escape beat",
        "Link to external data (aux contains URL)",
        "Non-conducted P-wave (blocked APC)",
        "Fusion of paced and normal beat",
        "Waveform onset",
        "Waveform end",
        "R-on-T premature ventricular contraction",
        null, null, null, null, null, null, null, null,
    };

    /** Which codes denote a QRS complex (WFDB's {@code isqrs} table in {@code ecgmap.h}). */
    private static final boolean[] BEATS = new boolean[ACMAX + 1];

    static {
        for (int c : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 25, 30, 31, 34, 35, 38, 41}) {
            BEATS[c] = true;
        }
    }

    private static final AnnotationCode[] STANDARD = new AnnotationCode[MAX_CODE + 1];

    static {
        for (int c = 0; c <= MAX_CODE; c++) {
            STANDARD[c] = c <= ACMAX
                    ? new AnnotationCode(c, MNEMONICS[c], DESCRIPTIONS[c])
                    : new AnnotationCode(c, "[" + c + "]", null);
        }
    }

    /** Null annotation: marks a time without a type (never a beat). */
    public static final AnnotationCode NOTQRS = STANDARD[0];
    /** {@code N}: normal beat. */
    public static final AnnotationCode NORMAL = STANDARD[1];
    /** {@code L}: left bundle branch block beat. */
    public static final AnnotationCode LBBB = STANDARD[2];
    /** {@code R}: right bundle branch block beat. */
    public static final AnnotationCode RBBB = STANDARD[3];
    /** {@code a}: aberrated atrial premature beat. */
    public static final AnnotationCode ABERR = STANDARD[4];
    /** {@code V}: premature ventricular contraction. */
    public static final AnnotationCode PVC = STANDARD[5];
    /** {@code F}: fusion of ventricular and normal beat. */
    public static final AnnotationCode FUSION = STANDARD[6];
    /** {@code J}: nodal (junctional) premature beat. */
    public static final AnnotationCode NPC = STANDARD[7];
    /** {@code A}: atrial premature beat. */
    public static final AnnotationCode APC = STANDARD[8];
    /** {@code S}: supraventricular premature or ectopic beat. */
    public static final AnnotationCode SVPB = STANDARD[9];
    /** {@code E}: ventricular escape beat. */
    public static final AnnotationCode VESC = STANDARD[10];
    /** {@code j}: nodal (junctional) escape beat. */
    public static final AnnotationCode NESC = STANDARD[11];
    /** {@code /}: paced beat. */
    public static final AnnotationCode PACE = STANDARD[12];
    /** {@code Q}: unclassifiable beat. */
    public static final AnnotationCode UNKNOWN = STANDARD[13];
    /** {@code ~}: change in signal quality. */
    public static final AnnotationCode NOISE = STANDARD[14];
    /** {@code |}: isolated QRS-like artifact. */
    public static final AnnotationCode ARFCT = STANDARD[16];
    /** {@code s}: ST segment change. */
    public static final AnnotationCode STCH = STANDARD[18];
    /** {@code T}: T-wave change. */
    public static final AnnotationCode TCH = STANDARD[19];
    /** {@code *}: systole. */
    public static final AnnotationCode SYSTOLE = STANDARD[20];
    /** {@code D}: diastole. */
    public static final AnnotationCode DIASTOLE = STANDARD[21];
    /** {@code "}: comment annotation (the text is in the aux field). */
    public static final AnnotationCode NOTE = STANDARD[22];
    /** {@code =}: measurement annotation. */
    public static final AnnotationCode MEASURE = STANDARD[23];
    /** {@code p}: P-wave peak. */
    public static final AnnotationCode PWAVE = STANDARD[24];
    /** {@code B}: bundle branch block beat (unspecified). */
    public static final AnnotationCode BBB = STANDARD[25];
    /** {@code ^}: (non-captured) pacemaker artifact. */
    public static final AnnotationCode PACESP = STANDARD[26];
    /** {@code t}: T-wave peak. */
    public static final AnnotationCode TWAVE = STANDARD[27];
    /** {@code +}: rhythm change (the new rhythm, e.g. {@code (AFIB}, is in the aux field). */
    public static final AnnotationCode RHYTHM = STANDARD[28];
    /** {@code u}: U-wave peak. */
    public static final AnnotationCode UWAVE = STANDARD[29];
    /** {@code ?}: beat not classified during learning. */
    public static final AnnotationCode LEARN = STANDARD[30];
    /** {@code !}: ventricular flutter wave. */
    public static final AnnotationCode FLWAV = STANDARD[31];
    /** {@code [}: start of ventricular flutter/fibrillation. */
    public static final AnnotationCode VFON = STANDARD[32];
    /** {@code ]}: end of ventricular flutter/fibrillation. */
    public static final AnnotationCode VFOFF = STANDARD[33];
    /** {@code e}: atrial escape beat. */
    public static final AnnotationCode AESC = STANDARD[34];
    /** {@code n}: supraventricular escape beat. */
    public static final AnnotationCode SVESC = STANDARD[35];
    /** {@code @}: link to external data (the URL is in the aux field). */
    public static final AnnotationCode LINK = STANDARD[36];
    /** {@code x}: non-conducted P-wave (blocked APC). */
    public static final AnnotationCode NAPC = STANDARD[37];
    /** {@code f}: fusion of paced and normal beat. */
    public static final AnnotationCode PFUS = STANDARD[38];
    /** {@code (}: waveform onset (P, QRS or T onset in delineation files such as LUDB's). */
    public static final AnnotationCode WFON = STANDARD[39];
    /** {@code )}: waveform end. */
    public static final AnnotationCode WFOFF = STANDARD[40];
    /** {@code r}: R-on-T premature ventricular contraction. */
    public static final AnnotationCode RONT = STANDARD[41];

    public AnnotationCode {
        if (code < 0 || code > MAX_CODE) {
            throw new IllegalArgumentException("annotation code must be in 0.." + MAX_CODE + ", was " + code);
        }
        Objects.requireNonNull(mnemonic, "mnemonic");
    }

    /** The standard type of a code (for 50 to 58 the mnemonic is {@code [code]}, as WFDB prints it). */
    public static AnnotationCode standard(int code) {
        if (code < 0 || code > MAX_CODE) {
            throw new IllegalArgumentException("annotation code must be in 0.." + MAX_CODE + ", was " + code);
        }
        return STANDARD[code];
    }

    /**
     * The standard type with this mnemonic, as WFDB's {@code strann} finds it among the legal codes
     * 1 to {@value #ACMAX} (so {@code "[42]"} finds 42 and {@code " "} finds nothing).
     */
    public static Optional<AnnotationCode> forMnemonic(String mnemonic) {
        for (int c = 1; c <= ACMAX; c++) {
            if (MNEMONICS[c].equals(mnemonic)) {
                return Optional.of(STANDARD[c]);
            }
        }
        return Optional.empty();
    }

    /** True for the legal codes 1 to {@value #ACMAX} (WFDB's {@code isann}). */
    public boolean isLegal() {
        return code >= 1 && code <= ACMAX;
    }

    /** True if the code denotes a QRS complex (WFDB's {@code isqrs}), judged by the code alone. */
    public boolean isBeat() {
        return code <= ACMAX && BEATS[code];
    }

    /** True if mnemonic and description are those of the standard table. */
    public boolean isStandard() {
        return equals(STANDARD[code]);
    }

    @Override
    public String toString() {
        return mnemonic + " (" + code + (description == null || description.isEmpty() ? "" : ", " + description) + ")";
    }
}
