package org.ecgchat.benchmarks;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Which of ND4J's two CPU builds a benchmark fork runs on. Both are in this jar; a fork chooses one
 * with a JVM option, and {@link #requireRequested()} checks that the library that loaded is the one
 * asked for, so that a result is never filed under the wrong build.
 */
final class CpuBuild {

    /**
     * ND4J's OpenBLAS build. With both builds on the class path JavaCPP loads the oneDNN one unless
     * the extension is set explicitly (to nothing).
     */
    static final String OPENBLAS = "-Dorg.bytedeco.javacpp.platform.extension=";
    /** ND4J's oneDNN build of the CPU backend. */
    static final String ONEDNN = "-Dorg.bytedeco.javacpp.platform.extension=-onednn";

    private CpuBuild() {
    }

    /** Loads the native library and fails unless it is the build this JVM's options ask for. */
    static void requireRequested() {
        Nd4j.getBackend(); // loads the native library before its build is asked for
        String build = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
        boolean oneDnnWanted = System.getProperty("org.bytedeco.javacpp.platform.extension", "").contains("onednn");
        if (oneDnnWanted != build.contains("HAVE_ONEDNN")) {
            throw new IllegalStateException("the " + (oneDnnWanted ? "oneDNN" : "OpenBLAS") + " build of ND4J was requested,"
                    + " but the loaded one reports: " + build);
        }
    }
}
