package org.graalpyos.launcher;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import org.graalpyos.embed.GraalPyOs;
import org.graalpyos.nativeapi.Downcalls;
import org.graalpyos.nativeapi.FileCalls;
import org.graalpyos.nativeapi.ProcessCalls;
import org.graalpyos.nativeapi.SignalCalls;
import org.graalpyos.nativeapi.Signals;
import org.graalpyos.spawn.JvmFdsCloseOnExec;

/**
 * {@code bin/graalpy-os}: a python3-compatible command line over GraalPy with graalpy-os installed
 * before user code runs. It prints nothing of its own: CPython's tests compare stdout and stderr.
 */
public final class Main {
    static final String USAGE = "usage: graalpy-os [option] ... [-c cmd | -m mod | file | -] [arg] ...";
    private static final String HELP = USAGE + "\n"
                    + "Options (as python3's; those GraalPy cannot honour are accepted and ignored):\n"
                    + "-c cmd : program passed in as string (terminates option list)\n"
                    + "-m mod : run library module as a script (terminates option list)\n"
                    + "-E     : ignore PYTHON* environment variables\n"
                    + "-I     : isolate Python from the user's environment (implies -E, -P and -s)\n"
                    + "-S     : don't imply 'import site' on initialization\n"
                    + "-s     : don't add user site directory to sys.path\n"
                    + "-P     : don't prepend a potentially unsafe path to sys.path\n"
                    + "-u     : force the stdout and stderr streams to be unbuffered\n"
                    + "-B     : don't write .pyc files on import\n"
                    + "-W arg : warning control\n"
                    + "-X opt : implementation-specific option (int_max_str_digits, warn_default_encoding, no_fork: no os.fork;\n"
                    + "         others ignored)\n"
                    + "-q -v -O -b -d -R: accepted\n"
                    + "-V, --version: print the Python version number and exit\n"
                    + "file   : program read from script file\n"
                    + "-      : program read from stdin\n";

    private static final Source RUNNER = Source.newBuilder("python", "import graalpy_os.main\ngraalpy_os.main.run", "<graalpy-os>")
                    .internal(true).buildLiteral();

    private Main() {
    }

    /** Whether the program ended with an uncaught KeyboardInterrupt (graalpy_os.main). */
    private static final Source ENDED_BY_KEYBOARD_INTERRUPT = Source.newBuilder("python",
                    "import graalpy_os.main\ngraalpy_os.main.ended_by_keyboard_interrupt", "<graalpy-os>").internal(true).buildLiteral();

    private static boolean endedByKeyboardInterrupt;

    public static void main(String[] args) {
        TerminationSignals.restoreDefaults();
        StartupTrace.mark("main");
        int status = run(args);
        StartupTrace.mark("context closed");
        if (endedByKeyboardInterrupt) {
            endBySigint();
        }
        System.exit(status);
    }

    /** CPython's exit after an uncaught KeyboardInterrupt: SIGINT with its default action (status 130 if that fails). */
    private static void endBySigint() {
        System.out.flush();
        System.err.flush();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            MemorySegment defaultAction = arena.allocate(SignalCalls.SIGACTION_SIZE, 8); // zeros: SIG_DFL
            SignalCalls.sigaction(errnoState, Signals.SIGINT, defaultAction, MemorySegment.NULL);
            ProcessCalls.kill(errnoState, (int) ProcessHandle.current().pid(), Signals.SIGINT);
        }
    }

    static int run(String[] args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (CommandLine.UsageError e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.err.println("Try `graalpy-os -h' for more information.");
            return 2;
        }
        if (commandLine.printHelp()) {
            System.out.print(HELP);
            return 0;
        }
        if (commandLine.printVersion()) {
            try (Engine engine = Engine.newBuilder("python").option("engine.WarnInterpreterOnly", "false").build()) {
                System.out.println("Python " + engine.getLanguages().get("python").getVersion());
            }
            return 0;
        }
        Context.Builder builder = new ContextOptions(commandLine, launcherPath("graalpyos.executable"), launcherPath("graalpyos.baseExecutable")).apply(GraalPyOs.contextBuilder());
        try (Context context = builder.build()) {
            StartupTrace.mark("context built");
            context.initialize("python");
            StartupTrace.mark("Python initialized (core modules, site)");
            StartupTrace.runtime();
            GraalPyOs.install(context, commandLine.xOptions().contains("no_fork") ? new GraalPyOs.Option[]{GraalPyOs.Option.NO_FORK}
                            : new GraalPyOs.Option[0]);
            StartupTrace.mark("graalpy-os installed");
            closeFdsClosedAtLaunch();
            JvmFdsCloseOnExec.markAllExcept(inheritedAtLaunch());
            int status = execute(context, commandLine);
            StartupTrace.mark("program and atexit done");
            return status;
        } catch (PolyglotException e) {
            return exitStatus(e);
        } catch (IllegalStateException e) {
            System.err.println("graalpy-os: " + e.getMessage()); // install refused: a GraalPy it does not support
            return 1;
        }
    }

    /**
     * bin/graalpy-os held closed standard fds with /dev/null so that the JVM's and GraalPy's own
     * files could not take them; the program sees them closed again, as under python3.
     */
    private static void closeFdsClosedAtLaunch() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errnoState = Downcalls.allocateErrnoState(arena);
            for (String fd : System.getProperty("graalpyos.closedFds", "").split(",")) {
                if (!fd.isEmpty()) {
                    FileCalls.close(errnoState, Integer.parseInt(fd));
                }
            }
        }
    }

    /** The fds above stderr without close-on-exec when bin/graalpy-os started the JVM: the program's to pass on. */
    private static Set<Integer> inheritedAtLaunch() {
        Set<Integer> fds = new HashSet<>();
        for (String fd : System.getProperty("graalpyos.inheritedFds", "").split(",")) {
            if (!fd.isEmpty()) {
                fds.add(Integer.parseInt(fd));
            }
        }
        return fds;
    }

    /**
     * A path bin/graalpy-os passes in, made absolute and normalized as os.path.abspath would (symlinks
     * kept): graalpyos.executable (sys.executable: the command that started it, a venv's bin/python)
     * and graalpyos.baseExecutable (sys._base_executable: the script's real file).
     */
    private static String launcherPath(String property) {
        String path = System.getProperty(property);
        return path != null ? Path.of(path).toAbsolutePath().normalize().toString() : "";
    }

    /** Runs the program through graalpy_os.main, which ends it the way CPython's main does. */
    private static int execute(Context context, CommandLine commandLine) {
        Value run = context.eval(RUNNER);
        String target = commandLine.target() == null ? "" : commandLine.target();
        int status = run.execute(commandLine.mode().name(), target, commandLine.flags().inspect, System.getProperty("graalpyos.closedFds", ""))
                        .asInt();
        endedByKeyboardInterrupt = context.eval(ENDED_BY_KEYBOARD_INTERRUPT).asBoolean();
        return status;
    }

    /** An exit from outside the program (atexit handlers, context close). */
    private static int exitStatus(PolyglotException e) {
        if (e.isExit()) {
            return e.getExitStatus();
        }
        // the program's own exceptions end in graalpy_os.main (a traceback, its status): one here is
        // graalpy-os's own (its install) or the JVM's
        System.err.println("graalpy-os: " + (e.isHostException() || e.isInternalError() ? "internal error: " : "") + e.getMessage());
        return 1;
    }
}
