package org.graalpyos.launcher;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGHUP with their default action from the launcher's first instruction. The JVM
 * installs handlers for them before main that run its shutdown and exit with status 143/129, where
 * python3 is killed by the signal. graalpy_os.main sets them back to default too, but only once the
 * Python context runs (about a second later, much more on a loaded machine): a parent that
 * terminated a child still starting (multiprocessing's test_terminate, 1 s after start) saw 143,
 * not -15. A signal ignored at start stays ignored: the JVM keeps an ignored one ignored.
 */
final class TerminationSignals {
    private TerminationSignals() {
    }

    static void restoreDefaults() {
        for (String name : new String[] {"TERM", "HUP"}) {
            Signal.handle(new Signal(name), SignalHandler.SIG_DFL);
        }
    }
}
