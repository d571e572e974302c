package org.ecgchat.examples.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the OpenMP threads of ND4J's native library sleep, rather than spin, while they wait for
 * work ({@code OMP_WAIT_POLICY=PASSIVE}), unless the user chose a policy. A SameDiff training step
 * is a few thousand small ops, each a parallel region; with the default policy every waiting
 * thread spins for a while after each of them, which on a machine shared with other work steals
 * the cores from the threads that have work to do. On the shared 2-core machine (load average
 * about 8) this made a demo training step 2 to 3 times slower in wall-clock time and about twice
 * as expensive in CPU time (see {@code docs/demo.md}).
 *
 * <p>OpenMP reads the variable once, when its library is loaded, so this must run before the
 * first use of ND4J in the process; later it changes nothing. The JVM offers no way to set its
 * own environment, hence libc's {@code setenv} through JNA (which ND4J already brings).
 */
final class OpenMpWaitPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(OpenMpWaitPolicy.class);
    static final String VARIABLE = "OMP_WAIT_POLICY";

    /** The C library's {@code setenv(3)}. */
    interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private OpenMpWaitPolicy() {}

    /**
     * Sets {@code OMP_WAIT_POLICY=PASSIVE} for this process if the environment has no policy;
     * returns whether it did (false also where it cannot: Windows, or no libc found).
     */
    static boolean preferPassive() {
        if (System.getenv(VARIABLE) != null || Platform.isWindows()) {
            return false;
        }
        try {
            CLibrary c = (CLibrary) Native.loadLibrary("c", CLibrary.class);
            boolean set = c.setenv(VARIABLE, "PASSIVE", 0) == 0;
            LOG.debug("{}=PASSIVE {}", VARIABLE, set ? "set" : "could not be set");
            return set;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // only a speed matter: run with OpenMP's default policy
            LOG.debug("cannot set {}: {}", VARIABLE, e.toString());
            return false;
        }
    }
}
