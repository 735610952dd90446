package org.graalpyos.graalpy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Map;
import java.util.Queue;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

import com.oracle.truffle.api.nodes.Node;

/**
 * The only place that touches GraalPy's private state (GraalPy 25.0.x, on the class path): the
 * GIL, the thread-state map, the import lock, the locks behind
 * {@code _thread.lock}/{@code RLock}, and attributes of builtin types. Everything is resolved once;
 * when GraalPy's layout differs, {@link #unavailableReason()} says what is missing and nothing
 * here is used.
 */
public final class GraalPyInternals {
    private static final String RUNTIME = "com.oracle.graal.python.runtime.";
    private static final String THREAD = "com.oracle.graal.python.builtins.objects.thread.";
    private static final String MODULES = "com.oracle.graal.python.builtins.modules.";

    private final Method contextGet;
    private final Field gil;
    private final Constructor<?> gilConstructor;
    private final Field importLock;
    private final Field threadStates;
    private final Class<?> lockClass;
    private final Field lockSemaphore;
    private final Class<?> rlockClass;
    private final Field rlockLock;
    private final Constructor<?> rlockLockConstructor;
    private final Method setBuiltinAttribute;
    private final Method truffleStringOf;

    private GraalPyInternals() throws ReflectiveOperationException {
        Class<?> context = Class.forName(RUNTIME + "PythonContext");
        contextGet = context.getMethod("get", Node.class);
        gil = accessible(context.getDeclaredField("globalInterpreterLock"));
        gilConstructor = accessible(Class.forName(RUNTIME + "PythonContext$GlobalInterpreterLock").getDeclaredConstructor());
        importLock = accessible(context.getDeclaredField("importLock"));
        threadStates = accessible(context.getDeclaredField("threadStateMapping"));
        lockClass = Class.forName(THREAD + "PLock");
        lockSemaphore = accessible(lockClass.getDeclaredField("semaphore"));
        rlockClass = Class.forName(THREAD + "PRLock");
        rlockLock = accessible(rlockClass.getDeclaredField("lock"));
        rlockLockConstructor = accessible(Class.forName(THREAD + "PRLock$InternalReentrantLock").getDeclaredConstructor());
        Class<?> builtinClass = Class.forName("com.oracle.graal.python.builtins.objects.type.PythonBuiltinClass");
        Class<?> truffleString = Class.forName("com.oracle.truffle.api.strings.TruffleString");
        setBuiltinAttribute = builtinClass.getMethod("setAttributeUnsafe", truffleString, Object.class);
        truffleStringOf = Class.forName("com.oracle.graal.python.util.PythonUtils").getMethod("toTruffleStringUncached", String.class);
    }

    private static <T extends java.lang.reflect.AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }

    private static final class Holder {
        static final GraalPyInternals INSTANCE;
        static final String FAILURE;

        static {
            GraalPyInternals instance = null;
            String failure = null;
            try {
                instance = new GraalPyInternals();
            } catch (ReflectiveOperationException | RuntimeException e) {
                failure = "GraalPy's internals are not reachable (" + e + "); GraalPy must be on the class path";
            }
            INSTANCE = instance;
            FAILURE = failure;
        }
    }

    /** The internals, or null (see {@link #unavailableReason()}). */
    public static GraalPyInternals get() {
        return Holder.INSTANCE;
    }

    public static String unavailableReason() {
        return Holder.FAILURE;
    }

    private Object context() {
        try {
            return contextGet.invoke(null, (Object) null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * In a forked child: a new, unowned GIL (the copied fair lock may be owned by, or queue, threads
     * that do not exist here), a thread-state map holding only this thread, and an import lock held
     * by this thread exactly as deep as before the fork (CPython's _PyImport_ReInitLock).
     */
    public void reinitializeInChild() {
        Object context = context();
        Thread self = Thread.currentThread();
        try {
            gil.set(context, gilConstructor.newInstance());
            @SuppressWarnings("unchecked")
            Map<Thread, Object> old = (Map<Thread, Object>) threadStates.get(context);
            Map<Thread, Object> fresh = Collections.synchronizedMap(new WeakHashMap<>());
            Object mine = old.get(self);
            if (mine != null) {
                fresh.put(self, mine);
            }
            threadStates.set(context, fresh);
            ReentrantLock oldImportLock = (ReentrantLock) importLock.get(context);
            int depth = oldImportLock.isHeldByCurrentThread() ? oldImportLock.getHoldCount() : 0;
            ReentrantLock newImportLock = new ReentrantLock();
            for (int i = 0; i < depth; i++) {
                newImportLock.lock();
            }
            importLock.set(context, newImportLock);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads what {@link #reinitializeInChild()} uses, so the child loads no class from a jar. */
    public void prepareForChild() {
        Object context = context();
        try {
            gil.get(context);
            threadStates.get(context);
            importLock.get(context);
            Collections.synchronizedMap(new WeakHashMap<>()).put(Thread.currentThread(), this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What GraalPy's signal async action does after its Java signal handler queued a signal: hand
     * the queued Python handlers to the main thread. Its own action runs on a pool thread that a
     * forked child does not have. Built in the parent (a Python thread); run by any thread.
     */
    public Runnable signalDelivery() {
        Object context = context();
        try {
            Class<?> moduleDataClass = Class.forName(MODULES + "SignalModuleBuiltins$ModuleData");
            Object module = context.getClass().getMethod("lookupBuiltinModule", truffleStringOf.getReturnType())
                            .invoke(context, truffleStringOf.invoke(null, "_signal"));
            Object data = module.getClass().getMethod("getModuleState", Class.class).invoke(module, moduleDataClass);
            Queue<?> queue = (Queue<?>) accessible(moduleDataClass.getDeclaredField("signalQueue")).get(data);
            Class<?> supplier = Class.forName("com.oracle.graal.python.util.Supplier");
            Constructor<?> runnable = accessible(Class.forName(RUNTIME + "AsyncHandler$AsyncRunnable")
                            .getDeclaredConstructor(Class.forName(RUNTIME + "AsyncHandler"), supplier));
            Object asyncHandler = context.getClass().getMethod("getAsyncHandler").invoke(context);
            // links the proxy's call path here, on an empty queue: the child runs only linked code
            ((java.util.function.Supplier<?>) pollingSupplier(supplier, new ConcurrentLinkedDeque<>())).get();
            return (Runnable) runnable.newInstance(asyncHandler, pollingSupplier(supplier, queue));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** GraalPy's Supplier interface over queue.poll() (GraalPy's own supplier blocks on a semaphore). */
    private static Object pollingSupplier(Class<?> supplier, Queue<?> queue) {
        return Proxy.newProxyInstance(supplier.getClassLoader(), new Class<?>[]{supplier},
                        (proxy, method, args) -> method.getName().equals("get") ? queue.poll() : method.invoke(queue, args));
    }

    /** lock._at_fork_reinit(): the lock becomes a new, unlocked one (no owner, no waiters). */
    public boolean reinitializeLock(Object lock) {
        try {
            if (lockClass.isInstance(lock)) {
                lockSemaphore.set(lock, new Semaphore(1));
                return true;
            }
            if (rlockClass.isInstance(lock)) {
                rlockLock.set(lock, rlockLockConstructor.newInstance());
                return true;
            }
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets an attribute of a builtin type, which Python code may not (the type is immutable);
     * false where GraalPy refuses (it asserts this happens during its own start-up, so a JVM
     * running GraalPy with assertions enabled says no).
     */
    public boolean setBuiltinTypeAttribute(Object type, String name, Object value) {
        try {
            setBuiltinAttribute.invoke(type, truffleStringOf.invoke(null, name), value);
            return true;
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof AssertionError) {
                return false;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
