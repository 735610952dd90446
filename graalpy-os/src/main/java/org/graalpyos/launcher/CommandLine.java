package org.graalpyos.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * python3's command line ({@code [option] ... [-c cmd | -m mod | file | -] [arg] ...}), parsed the
 * way CPython's getopt does: short options may be combined ({@code -IS}), and {@code -c}, {@code -m},
 * {@code -W}, {@code -X} take the rest of their token or the next one.
 */
record CommandLine(Mode mode, String target, List<String> programArgs, Flags flags, List<String> warnOptions, List<String> xOptions,
                boolean printVersion, boolean printHelp) {

    enum Mode {
        COMMAND, MODULE, SCRIPT, STDIN, INTERACTIVE
    }

    /** The flags CPython keeps in sys.flags, as far as GraalPy can honour them. */
    static final class Flags {
        boolean ignoreEnvironment; // -E
        boolean isolated; // -I
        boolean noSite; // -S
        boolean noUserSite; // -s
        boolean safePath; // -P
        boolean unbuffered; // -u
        boolean dontWriteBytecode; // -B
        boolean inspect; // -i
        boolean quiet; // -q
        int verbose; // -v
        int optimize; // -O
    }

    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    static CommandLine parse(String[] args) throws UsageError {
        Flags flags = new Flags();
        List<String> warn = new ArrayList<>();
        List<String> xopts = new ArrayList<>();
        boolean version = false;
        boolean help = false;
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            i++;
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("--")) {
                switch (arg) {
                    case "--version" -> version = true;
                    case "--help", "--help-env", "--help-xoptions", "--help-all" -> help = true;
                    case "--check-hash-based-pycs" -> {
                        if (i >= args.length) {
                            throw new UsageError("Argument expected for the --check-hash-based-pycs option");
                        }
                        i++;
                    }
                    default -> throw new UsageError("unknown option " + arg);
                }
                continue;
            }
            for (int j = 1; j < arg.length(); j++) {
                char c = arg.charAt(j);
                if (c == 'c' || c == 'm' || c == 'W' || c == 'X') {
                    String value;
                    if (j + 1 < arg.length()) {
                        value = arg.substring(j + 1);
                    } else if (i < args.length) {
                        value = args[i++];
                    } else {
                        throw new UsageError("Argument expected for the -" + c + " option");
                    }
                    switch (c) {
                        case 'c' -> {
                            return new CommandLine(Mode.COMMAND, value, argv("-c", args, i), flags, warn, xopts, version, help);
                        }
                        case 'm' -> {
                            return new CommandLine(Mode.MODULE, value, argv("-m", args, i), flags, warn, xopts, version, help);
                        }
                        case 'W' -> warn.add(value);
                        default -> xopts.add(value);
                    }
                    break;
                }
                switch (c) {
                    case 'E' -> flags.ignoreEnvironment = true;
                    case 'I' -> {
                        flags.isolated = true;
                        flags.ignoreEnvironment = true;
                        flags.noUserSite = true;
                        flags.safePath = true;
                    }
                    case 'S' -> flags.noSite = true;
                    case 's' -> flags.noUserSite = true;
                    case 'P' -> flags.safePath = true;
                    case 'u' -> flags.unbuffered = true;
                    case 'B' -> flags.dontWriteBytecode = true;
                    case 'i' -> flags.inspect = true;
                    case 'q' -> flags.quiet = true;
                    case 'v' -> flags.verbose++;
                    case 'O' -> flags.optimize++;
                    case 'V' -> version = true;
                    case 'h', '?' -> help = true;
                    case 'b', 'd', 'R', 'x' -> {
                        // accepted like CPython; GraalPy has no bytes warnings, parser debug or hash randomization switch
                    }
                    default -> throw new UsageError("Unknown option: -" + c);
                }
            }
        }
        if (i < args.length && args[i].equals("-")) {
            return new CommandLine(Mode.STDIN, null, argv("-", args, i + 1), flags, warn, xopts, version, help);
        }
        if (i < args.length) {
            return new CommandLine(Mode.SCRIPT, args[i], argv(args[i], args, i + 1), flags, warn, xopts, version, help);
        }
        return new CommandLine(Mode.INTERACTIVE, null, List.of(""), flags, warn, xopts, version, help);
    }

    private static List<String> argv(String first, String[] args, int from) {
        List<String> argv = new ArrayList<>();
        argv.add(first);
        for (int k = from; k < args.length; k++) {
            argv.add(args[k]);
        }
        return argv;
    }
}
