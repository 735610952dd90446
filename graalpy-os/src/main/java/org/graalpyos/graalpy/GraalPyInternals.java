package org.graalpyos.graalpy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

import com.oracle.truffle.api.nodes.Node;

/**
 * The only place that touches GraalPy's private state (the lines of {@link #SUPPORTED}, on the class path): the
 * GIL, the thread-state map, the import lock, the locks behind
 * {@code _thread.lock}/{@code RLock}, and the attributes of those two types. Everything is resolved once;
 * when GraalPy's layout differs, {@link #unavailableReason()} says what is missing and nothing
 * here is used.
 */
public final class GraalPyInternals {
    private static final String RUNTIME = "com.oracle.graal.python.runtime.";
    private static final String THREAD = "com.oracle.graal.python.builtins.objects.thread.";
    private static final String MODULES = "com.oracle.graal.python.builtins.modules.";

    /** The GraalPy lines (major.minor) whose private layout this class was written against and tested with. */
    public static final List<String> SUPPORTED = List.of("25.0");

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
    private final Class<?> builtinClass;
    private final Method builtinClassType;
    private final Object lockClassType;
    private final Object rlockClassType;
    private final Method setBuiltinAttribute;
    private final Method truffleStringOf;
    private final Method lookupBuiltinModule;
    private final Class<?> signalModuleData;
    private final Method moduleState;
    private final Field signalQueue;
    private final Class<?> supplier;
    private final Constructor<?> asyncRunnable;
    private final Method asyncHandler;

    /** Resolves, and checks the type of, every member used here: a GraalPy that differs fails now, not in a forked child. */
    private GraalPyInternals() throws ReflectiveOperationException {
        Class<?> context = Class.forName(RUNTIME + "PythonContext");
        contextGet = method(context, "get", context, Node.class);
        Class<?> gilClass = Class.forName(RUNTIME + "PythonContext$GlobalInterpreterLock");
        gil = field(context, "globalInterpreterLock", gilClass, gilClass);
        gilConstructor = accessible(gilClass.getDeclaredConstructor());
        importLock = field(context, "importLock", ReentrantLock.class, ReentrantLock.class);
        threadStates = field(context, "threadStateMapping", Map.class, Map.class);
        lockClass = Class.forName(THREAD + "PLock");
        lockSemaphore = field(lockClass, "semaphore", Semaphore.class, Semaphore.class);
        rlockClass = Class.forName(THREAD + "PRLock");
        Class<?> rlockLockClass = Class.forName(THREAD + "PRLock$InternalReentrantLock");
        rlockLock = field(rlockClass, "lock", Object.class, rlockLockClass);
        rlockLockConstructor = accessible(rlockLockClass.getDeclaredConstructor());
        builtinClass = Class.forName("com.oracle.graal.python.builtins.objects.type.PythonBuiltinClass");
        Class<?> classTypes = Class.forName("com.oracle.graal.python.builtins.PythonBuiltinClassType");
        builtinClassType = method(builtinClass, "getType", classTypes);
        lockClassType = classTypes.getField("PLock").get(null);
        rlockClassType = classTypes.getField("PRLock").get(null);
        Class<?> truffleString = Class.forName("com.oracle.truffle.api.strings.TruffleString");
        setBuiltinAttribute = method(builtinClass, "setAttributeUnsafe", void.class, truffleString, Object.class);
        truffleStringOf = method(Class.forName("com.oracle.graal.python.util.PythonUtils"), "toTruffleStringUncached", truffleString,
                        String.class);
        Class<?> module = Class.forName("com.oracle.graal.python.builtins.objects.module.PythonModule");
        lookupBuiltinModule = method(context, "lookupBuiltinModule", module, truffleString);
        signalModuleData = Class.forName(MODULES + "SignalModuleBuiltins$ModuleData");
        moduleState = method(module, "getModuleState", Object.class, Class.class);
        signalQueue = field(signalModuleData, "signalQueue", Queue.class, null);
        supplier = Class.forName("com.oracle.graal.python.util.Supplier");
        Class<?> handler = Class.forName(RUNTIME + "AsyncHandler");
        asyncRunnable = accessible(Class.forName(RUNTIME + "AsyncHandler$AsyncRunnable").getDeclaredConstructor(handler, supplier));
        if (!Runnable.class.isAssignableFrom(asyncRunnable.getDeclaringClass())) {
            throw new NoSuchMethodException("AsyncHandler$AsyncRunnable is not a Runnable");
        }
        asyncHandler = method(context, "getAsyncHandler", handler);
    }

    /** A field that holds what we read as {@code readAs} and accepts what we store, {@code stored} (null: read only). */
    private static Field field(Class<?> owner, String name, Class<?> readAs, Class<?> stored) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        if (!readAs.isAssignableFrom(field.getType()) || (stored != null && !field.getType().isAssignableFrom(stored))) {
            throw new NoSuchFieldException(owner.getSimpleName() + "." + name + " is a " + field.getType().getName());
        }
        return accessible(field);
    }

    private static Method method(Class<?> owner, String name, Class<?> returns, Class<?>... parameters) throws NoSuchMethodException {
        Method method = owner.getMethod(name, parameters);
        if (!returns.isAssignableFrom(method.getReturnType())) {
            throw new NoSuchMethodException(owner.getSimpleName() + "." + name + " returns " + method.getReturnType().getName());
        }
        return method;
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
            String version = version();
            // GRAALPY_OS_TRY_GRAALPY=1: bin/test --graalpy runs the tests against another line on purpose
            boolean trying = "1".equals(System.getenv("GRAALPY_OS_TRY_GRAALPY"));
            if (!trying && !SUPPORTED.contains(version.substring(0, Math.max(0, version.lastIndexOf('.'))))) {
                failure = "graalpy-os supports GraalPy " + supported() + ", whose private state it reaches into; this is GraalPy " + version;
            } else {
                try {
                    instance = new GraalPyInternals();
                } catch (ReflectiveOperationException | RuntimeException e) {
                    failure = "graalpy-os supports GraalPy " + supported() + ", whose private state it reaches into (this is GraalPy "
                                    + version + "): " + e;
                }
            }
            INSTANCE = instance;
            FAILURE = failure;
        }
    }

    private static String supported() {
        return String.join(".x, ", SUPPORTED) + ".x";
    }

    /** Whether this GraalPy has the context option {@code python.NAME} (PythonOptions' static key of that name). */
    public static boolean hasOption(String name) {
        try {
            Class.forName("com.oracle.graal.python.runtime.PythonOptions").getField(name);
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    /** GraalPy's own version (PythonLanguage.GRAALVM_*), or "unknown". */
    public static String version() {
        try {
            Class<?> language = Class.forName("com.oracle.graal.python.PythonLanguage");
            return language.getField("GRAALVM_MAJOR").get(null) + "." + language.getField("GRAALVM_MINOR").get(null) + "."
                            + language.getField("GRAALVM_MICRO").get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "unknown";
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
            Object module = lookupBuiltinModule.invoke(context, truffleStringOf.invoke(null, "_signal"));
            Queue<?> queue = (Queue<?>) signalQueue.get(moduleState.invoke(module, signalModuleData));
            // links the proxy's call path here, on an empty queue: the child runs only linked code
            ((java.util.function.Supplier<?>) pollingSupplier(supplier, new ConcurrentLinkedDeque<>())).get();
            return (Runnable) asyncRunnable.newInstance(asyncHandler.invoke(context), pollingSupplier(supplier, queue));
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

    /** Whether {@code type} is GraalPy's _thread.LockType (or, with {@code reentrant}, _thread.RLock). */
    public boolean isLockType(Object type, boolean reentrant) {
        try {
            return builtinClass.isInstance(type) && builtinClassType.invoke(type) == (reentrant ? rlockClassType : lockClassType);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets an attribute of _thread.LockType or _thread.RLock ({@link #isLockType}), which Python
     * code may not (the types are immutable); false where GraalPy refuses (it asserts this happens
     * during its own start-up, so a JVM running GraalPy with assertions enabled says no).
     */
    public boolean setLockTypeAttribute(Object type, String name, Object value) {
        if (!isLockType(type, false) && !isLockType(type, true)) {
            throw new IllegalArgumentException("not a lock type");
        }
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
