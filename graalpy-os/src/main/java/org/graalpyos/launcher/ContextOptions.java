package org.graalpyos.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;

/** Turns python3's command line and PYTHON* environment into GraalPy context options. */
final class ContextOptions {
    /** GraalPy's separator for list-valued options (python.ExecutableList, python.OrigArgv). */
    private static final String LIST_SEPARATOR = "\uD83C\uDFC6";

    private final CommandLine commandLine;
    private final String executable;
    private final String baseExecutable;
    private final Map<String, String> env = System.getenv();

    ContextOptions(CommandLine commandLine, String executable, String baseExecutable) {
        this.commandLine = commandLine;
        this.executable = executable;
        this.baseExecutable = baseExecutable.isEmpty() ? executable : baseExecutable;
    }

    Context.Builder apply(Context.Builder builder) {
        CommandLine.Flags flags = commandLine.flags();
        boolean useEnv = !flags.ignoreEnvironment;
        builder.allowAllAccess(true)
                        .arguments("python", commandLine.programArgs().toArray(String[]::new))
                        .option("engine.WarnInterpreterOnly", "false")
                        .option("python.WarnExperimentalFeatures", "false")
                        .option("python.AlwaysRunExcepthook", "true")
                        .option("python.RunViaLauncher", "true")
                        .option("python.Executable", executable)
                        .option("python.BaseExecutable", baseExecutable)
                        .option("python.ExecutableList", executable)
                        .option("python.ForceImportSite", Boolean.toString(!flags.noSite))
                        .option("python.NoSiteFlag", Boolean.toString(flags.noSite))
                        .option("python.NoUserSiteFlag", Boolean.toString(flags.noUserSite || (useEnv && env.containsKey("PYTHONNOUSERSITE"))))
                        .option("python.IsolateFlag", Boolean.toString(flags.isolated))
                        .option("python.SafePathFlag", Boolean.toString(flags.safePath || (useEnv && nonEmpty("PYTHONSAFEPATH"))))
                        .option("python.IgnoreEnvironmentFlag", Boolean.toString(flags.ignoreEnvironment))
                        .option("python.UnbufferedIO", Boolean.toString(flags.unbuffered || (useEnv && nonEmpty("PYTHONUNBUFFERED"))))
                        .option("python.DontWriteBytecodeFlag", "true")
                        .option("python.QuietFlag", Boolean.toString(flags.quiet))
                        .option("python.VerboseFlag", Boolean.toString(flags.verbose > 0))
                        .option("python.PythonOptimizeFlag", Boolean.toString(flags.optimize > 0))
                        .option("python.TerminalIsInteractive", Boolean.toString(System.console() != null));
        if (commandLine.mode() == CommandLine.Mode.SCRIPT) {
            builder.option("python.InputFilePath", commandLine.target());
        }
        if (useEnv && nonEmpty("PYTHONPATH")) {
            builder.option("python.PythonPath", env.get("PYTHONPATH"));
        }
        if (useEnv && nonEmpty("PYTHONHASHSEED") && !"random".equals(env.get("PYTHONHASHSEED"))) {
            builder.option("python.HashSeed", env.get("PYTHONHASHSEED"));
        }
        if (useEnv && nonEmpty("PYTHONIOENCODING")) {
            builder.option("python.StandardStreamEncoding", env.get("PYTHONIOENCODING"));
        }
        List<String> warnOptions = new ArrayList<>();
        if (useEnv && nonEmpty("PYTHONWARNINGS")) {
            warnOptions.addAll(List.of(env.get("PYTHONWARNINGS").split(",")));
        }
        warnOptions.addAll(commandLine.warnOptions());
        if (!warnOptions.isEmpty()) {
            builder.option("python.WarnOptions", String.join(",", warnOptions));
        }
        for (String x : commandLine.xOptions()) {
            if (x.startsWith("int_max_str_digits=")) {
                builder.option("python.IntMaxStrDigits", x.substring("int_max_str_digits=".length()));
            } else if (x.equals("warn_default_encoding")) {
                builder.option("python.WarnDefaultEncodingFlag", "true");
            }
        }
        return builder;
    }

    private boolean nonEmpty(String name) {
        String value = env.get(name);
        return value != null && !value.isEmpty();
    }
}
