package org.graalpyos.builtins;

import java.util.ArrayList;
import java.util.List;

import org.graalpyos.functions.Functions;
import org.graalpyos.language.Builtin;

/** Every builtin Python can call, one class each. */
public final class BuiltinRegistry {
    private BuiltinRegistry() {
    }

    /** The stress run's and tests' figures (-Dgraalpyos.diagnostics=true); never in production. */
    private static final boolean DIAGNOSTICS = Boolean.getBoolean("graalpyos.diagnostics");

    public static List<Builtin> all() {
        List<Builtin> production = new ArrayList<>(List.of(new BindBuiltin(), new ShimSourceBuiltin(), new CapabilitiesBuiltin(), new ConfstrBuiltin(),
                        new PosixSpawnBuiltin(), new Wait4Builtin(), new WaitpidBuiltin(), new WaitidBuiltin(), new ForkBuiltin(), new ExitBuiltin(), new AbortBuiltin(),
                        new LockReinitBuiltin(), new LockAtForkReinitInstallBuiltin(), new ExecveBuiltin(), new ForkPrepareBuiltin(),
                        new LoginTtyBuiltin(),
                        new SetgroupsBuiltin(), new PrlimitBuiltin(), new SubprocessChildSetupBuiltin(), new SubprocessChildFailBuiltin(),
                        new SubprocessChildExecBuiltin(), new SubprocessForkBuiltin(), new SubprocessSpawnBuiltin(), new SetProcessCreationPolicyBuiltin(),
                        new HoldGraalPyProcessCreatorsBuiltin(), new SystemBuiltin(), new NativeThreadIdBuiltin(),
                        new SendmsgBuiltin(), new RecvmsgBuiltin(), new SocketpairBuiltin(), new SignalDispositionBuiltin(), new DeclaredExportsBuiltin(), new DeclaredModulesBuiltin(), new WakeupFdBuiltins.SetWakeupFd(), new WakeupFdBuiltins.WakeOnSignal()));
        production.addAll(GroupDatabaseBuiltins.all());
        production.addAll(SyslogBuiltins.all());
        production.addAll(Functions.builtins());
        production.addAll(Functions.internal());
        if (!DIAGNOSTICS) {
            return List.copyOf(production);
        }
        production.add(new ForkRetriesBuiltin());
        production.add(new HeapAfterGcBuiltin());
        production.add(new GraalPyForkExecCallsBuiltin());
        return production;
    }
}
