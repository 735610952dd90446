package org.graalpyos.functions;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.graalpyos.edge.Declaration;
import org.graalpyos.edge.PythonWrappers;
import org.graalpyos.functions.posix.Confstr;
import org.graalpyos.functions.posix.Credentials;
import org.graalpyos.functions.posix.Exec;
import org.graalpyos.functions.posix.FileConstants;
import org.graalpyos.functions.posix.FileDescriptors;
import org.graalpyos.functions.posix.Io;
import org.graalpyos.functions.posix.IoConstants;
import org.graalpyos.functions.posix.Paths;
import org.graalpyos.functions.posix.ProcessConstants;
import org.graalpyos.functions.posix.ProcessControl;
import org.graalpyos.functions.posix.Fork;
import org.graalpyos.functions.posix.Scheduling;
import org.graalpyos.functions.posix.Users;
import org.graalpyos.functions.posix.Wait;
import org.graalpyos.functions.fcntl.Fcntl;
import org.graalpyos.functions.fcntl.FcntlConstants;
import org.graalpyos.functions.mmap.MmapConstants;
import org.graalpyos.functions.posixshmem.SharedMemory;
import org.graalpyos.functions.select.Select;
import org.graalpyos.functions.select.SelectConstants;
import org.graalpyos.functions.time.Sleep;
import org.graalpyos.functions.grp.Groups;
import org.graalpyos.functions.resource.Limits;
import org.graalpyos.functions.syslog.Syslog;
import org.graalpyos.functions.syslog.SyslogConstants;
import org.graalpyos.functions.socket.NetworkNames;
import org.graalpyos.functions.socket.SocketConstants;
import org.graalpyos.functions.ssl.Random;
import org.graalpyos.functions.errno.ErrnoConstants;
import org.graalpyos.functions.signal.SignalFunctions;
import org.graalpyos.functions.time.Clocks;
import org.graalpyos.language.Builtin;
import org.graalpyos.nativeapi.CConstant;

/**
 * Every function declared in a CPython module (posix, grp, fcntl, ...) and their generated Python
 * wrappers, made once per JVM and served as {@code graalpy_os/_declared/NAME.py}: NAME is the
 * module for the functions whose body is a Java builtin (exported lazily by name), or the shim
 * whose Python is the body of the others (the shim wraps its own functions, {@code _declared.wrap}).
 */
public final class Functions {
    private Functions() {
    }

    private static final List<Builtin> BUILTINS = collectBuiltins();
    private static final List<PythonFunction> PYTHON = collectPython();
    private static final List<ModuleConstants> CONSTANTS = collectConstants();
    private static final Map<String, String> SOURCES = new ConcurrentHashMap<>();

    /** A class whose public {@link CConstant} fields are constants of {@code module}, under their field names. */
    public record ModuleConstants(String module, Class<?> holder) {
    }

    private static List<ModuleConstants> collectConstants() {
        List<ModuleConstants> all = new ArrayList<>();
        all.add(new ModuleConstants("syslog", SyslogConstants.class));
        all.add(new ModuleConstants("posix", Scheduling.Constants.class));
        all.add(new ModuleConstants("posix", FileConstants.class));
        all.add(new ModuleConstants("posix", IoConstants.class));
        all.add(new ModuleConstants("posix", ProcessConstants.class));
        all.add(new ModuleConstants("mmap", MmapConstants.class));
        all.add(new ModuleConstants("fcntl", FcntlConstants.class));
        all.add(new ModuleConstants("select", SelectConstants.class));
        // _socket, before socket.py's "from _socket import *" and its IntEnum conversions read it
        all.add(new ModuleConstants("_socket", SocketConstants.class));
        // _signal's, before signal.py's "from _signal import *" and its IntEnum conversions (Signals, Sigmasks) read it
        all.add(new ModuleConstants("_signal", SignalFunctions.Constants.class));
        all.add(new ModuleConstants("time", Clocks.Constants.class));
        all.add(new ModuleConstants("errno", ErrnoConstants.class));
        return List.copyOf(all);
    }

    private static List<Builtin> collectBuiltins() {
        List<Builtin> all = new ArrayList<>();
        all.addAll(Credentials.all());
        all.addAll(Scheduling.all());
        all.addAll(Users.all());
        all.addAll(Syslog.all());
        all.addAll(FileDescriptors.all());
        all.addAll(Random.all());
        all.addAll(Io.all());
        all.addAll(ProcessControl.all());
        return List.copyOf(all);
    }

    private static List<PythonFunction> collectPython() {
        List<PythonFunction> all = new ArrayList<>();
        all.addAll(Credentials.python());
        all.addAll(Scheduling.python());
        all.addAll(Wait.all());
        all.addAll(Fork.all());
        all.addAll(Exec.all());
        all.addAll(Confstr.all());
        all.addAll(Limits.all());
        all.addAll(SharedMemory.all());
        all.addAll(Users.python());
        all.addAll(Groups.python());
        all.addAll(Syslog.python());
        all.addAll(FileDescriptors.python());
        all.addAll(Fcntl.python());
        all.addAll(Random.python());
        all.addAll(Io.python());
        all.addAll(Paths.python());
        all.addAll(ProcessControl.python());
        all.addAll(SignalFunctions.python());
        all.addAll(Select.python());
        all.addAll(Sleep.python());
        return List.copyOf(all);
    }

    /** The builtins only the shims call that go with the declared functions (fcntl's, lockf, socket's names). */
    public static List<Builtin> internal() {
        List<Builtin> all = new ArrayList<>();
        all.addAll(Fcntl.internal());
        all.addAll(FileDescriptors.internal());
        all.addAll(Scheduling.internal());
        all.addAll(NetworkNames.internal());
        all.addAll(Io.internal());
        all.addAll(Paths.internal());
        all.addAll(ProcessControl.internal());
        all.addAll(SignalFunctions.internal());
        all.addAll(Clocks.internal());
        all.addAll(Select.internal());
        all.addAll(Sleep.internal());
        return all;
    }

    /** The functions whose body is Java. */
    public static List<Builtin> builtins() {
        return BUILTINS;
    }

    /**
     * The modules besides posix (whose names are exported lazily) that have declared functions or
     * constants: each gets its {@code _declared} exports when imported (if it has any: functions
     * with a Python body are their shim's), and one GraalPy lacks (grp, syslog) is made by a finder.
     */
    public static List<String> modules() {
        List<String> modules = new ArrayList<>();
        for (Builtin builtin : BUILTINS) {
            addModule(modules, builtin.declaration().module());
        }
        for (ModuleConstants constants : CONSTANTS) {
            addModule(modules, constants.module());
        }
        for (PythonFunction function : PYTHON) {
            addModule(modules, Declaration.parse(function.declaration()).module());
        }
        return modules;
    }

    private static void addModule(List<String> modules, String module) {
        if (!module.equals("posix") && !modules.contains(module)) {
            modules.add(module);
        }
    }

    /** The names {@code _declared/NAME.py} exports, in order (without generating it). */
    public static List<String> exports(String name) {
        List<String> names = new ArrayList<>(constants(name).keySet());
        for (PythonWrappers.Function function : functions(name)) {
            names.add(function.declaration().function());
        }
        return names;
    }

    /** The source of {@code _declared/NAME.py}, or null when nothing is declared under NAME. */
    public static String source(String name) {
        if (exports(name).isEmpty()) {
            return null;
        }
        return SOURCES.computeIfAbsent(name, Functions::generate);
    }

    private static String generate(String name) {
        return PythonWrappers.source(name, functions(name), constants(name));
    }

    private static List<PythonWrappers.Function> functions(String name) {
        List<PythonWrappers.Function> functions = new ArrayList<>();
        for (Builtin builtin : BUILTINS) {
            if (name.equals(builtin.declaration().module())) {
                functions.add(new PythonWrappers.Function(builtin.declaration(), builtin.doc(), false));
            }
        }
        for (PythonFunction function : PYTHON) {
            if (name.equals(function.shim())) {
                functions.add(new PythonWrappers.Function(Declaration.parse(function.declaration()), function.doc(), true));
            }
        }
        return functions;
    }

    private static Map<String, Long> constants(String name) {
        Map<String, Long> values = new LinkedHashMap<>();
        List<String> modules = new ArrayList<>(List.of(name));
        for (PythonFunction function : PYTHON) {
            // a shim's wrappers see the constants of their module: a default may name one (openlog's facility=LOG_USER)
            String module = Declaration.parse(function.declaration()).module();
            // not posix's (exported lazily by _declared.posix; no posix default names one): a posix
            // shim's exports() would pick them up as its own (wait's takes every upper-case global)
            if (function.shim().equals(name) && !module.equals("posix") && !modules.contains(module)) {
                modules.add(module);
            }
        }
        for (ModuleConstants constants : CONSTANTS) {
            if (!modules.contains(constants.module())) {
                continue;
            }
            for (Field field : constants.holder().getDeclaredFields()) {
                if (field.isAnnotationPresent(CConstant.class) && Modifier.isPublic(field.getModifiers())) {
                    try {
                        values.put(field.getName(), ((Number) field.get(null)).longValue());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(field + " is not readable", e);
                    }
                }
            }
        }
        return values;
    }
}
