package org.graalpyos.builtins;

import java.util.List;

import org.graalpyos.language.Builtin;

/** Every builtin Python can call, one class each. */
public final class BuiltinRegistry {
    private BuiltinRegistry() {
    }

    public static List<Builtin> all() {
        return List.of(new BindBuiltin(), new ShimSourceBuiltin(), new CapabilitiesBuiltin(), new ConfstrBuiltin(),
                        new PosixSpawnBuiltin(), new Wait4Builtin(), new WaitpidBuiltin(), new WaitidBuiltin(), new ForkBuiltin(), new ExitBuiltin(), new AbortBuiltin(),
                        new LockReinitBuiltin(), new BuiltinTypeAttributeBuiltin(), new ExecveBuiltin(), new ForkPrepareBuiltin(),
                        new LoginTtyBuiltin(), new ForkRetriesBuiltin(), new HeapAfterGcBuiltin(), new SetreuidBuiltin(), new SetregidBuiltin(),
                        new SetgroupsBuiltin(), new PrlimitBuiltin(), new SubprocessPrepareBuiltin(), new SubprocessChildSetupBuiltin(),
                        new SubprocessChildExecBuiltin(), new SubprocessSpawnBuiltin(), new SetProcessCreationPolicyBuiltin(),
                        new CheckProcessCreationBuiltin(), new NativeThreadIdBuiltin(), new ExecDefaultSignalsBuiltin(),
                        new SendmsgBuiltin(), new RecvmsgBuiltin(), new SocketpairBuiltin(), new SignalDispositionBuiltin());
    }
}
