// FullTierChild.java - research probe for issue #7 (NOT product code).
// Can a forked HotSpot child (Serial GC) become a full process? After fork, in the child only:
//   1. self-check (no safepoint armed, no VM operation pending, no global JVM mutex owned, chunk pool free) else exit 75;
//   2. re-initialise the pthread condvars of the global JVM mutexes (dead parent waiters);
//   3. CollectedHeap::ensure_parsability(true): retire every thread's TLAB (incl. dead ones) so the heap stays walkable;
//   4. Threads::remove(jt, true) for every JavaThread of ThreadsSMRSupport::_java_thread_list but the forking one;
//   5. VMThread::create + os::create_thread + os::start_thread (a new VM thread), as VMT.java did;
//   5b. with -DyoungFirst=true: allocate eden's capacity + 1 MB first, so the child's first GC is a young one;
//   6. workload: allocate childMB in 1000-byte arrays (retaining a ring of live data), System.gc(),
//      start `threads` new Java threads that allocate threadMB each, join them, System.gc(), _exit(0).
// Field offsets come from HotSpot's own vmStructs table (gHotSpotVMStructs, exported for the Serviceability Agent);
// functions from libjvm's .symtab.
// Run: java --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:-UsePerfData -Xmx256m \
//        -XX:ErrorFile=/tmp/ftc/hs_err_%p.log -XX:-CreateCoredumpOnCrash -DerrDir=/tmp/ftc FullTierChild.java
// Properties: trials (20), remove (true: steps 3-4; false = VMT.java baseline), childMB (1024), threads (2),
//   threadMB (256; or threadSec > 0: each thread allocates for that many seconds), busy (0: parent threads allocating in a loop at fork; with
//   -DbusyKind=jit they define hidden classes and call their methods until compiled, so the JIT is busy at fork), hangSec (30), gdb (0: number of hung
//   children to attach gdb to, output in gdb-out/), errDir (the -XX:ErrorFile directory; default .).
import java.lang.foreign.*;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.*;
import java.util.*;

public class FullTierChild {
  static final Linker L = Linker.nativeLinker();
  static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
  static final ValueLayout.OfLong J = ValueLayout.JAVA_LONG;
  static final AddressLayout P = ValueLayout.ADDRESS;
  static final Arena A = Arena.global();

  static MethodHandle libc(String n, FunctionDescriptor d) { return L.downcallHandle(L.defaultLookup().find(n).orElseThrow(), d); }
  static final MethodHandle FORK = libc("fork", FunctionDescriptor.of(I));
  static final MethodHandle EXIT = libc("_exit", FunctionDescriptor.ofVoid(I));
  static final MethodHandle SRAND = libc("srand", FunctionDescriptor.ofVoid(I)); // links the (int)void call site in the parent
  static final MethodHandle WRITE = libc("write", FunctionDescriptor.of(J, I, P, J));
  static final MethodHandle READ = libc("read", FunctionDescriptor.of(J, I, P, J));
  static final MethodHandle PIPE = libc("pipe", FunctionDescriptor.of(I, P));
  static final MethodHandle CLOSE = libc("close", FunctionDescriptor.of(I, I));
  static final MethodHandle POLL = libc("poll", FunctionDescriptor.of(I, P, J, I));
  static final MethodHandle WAITPID = libc("waitpid", FunctionDescriptor.of(I, I, P, I));
  static final MethodHandle KILL = libc("kill", FunctionDescriptor.of(I, I, I));
  static final MethodHandle GETTID = libc("gettid", FunctionDescriptor.of(I));
  static final MethodHandle CONDATTR_INIT = libc("pthread_condattr_init", FunctionDescriptor.of(I, P));
  static final MethodHandle CONDATTR_SETCLOCK = libc("pthread_condattr_setclock", FunctionDescriptor.of(I, P, I));
  static final MethodHandle COND_INIT = libc("pthread_cond_init", FunctionDescriptor.of(I, P, P));
  // harmless libc functions with the same Java-level types as the libjvm calls: link the generic call sites in the parent
  static final MethodHandle W_V = libc("sync", FunctionDescriptor.ofVoid());
  static final MethodHandle W_P_V = libc("free", FunctionDescriptor.ofVoid(P));
  static final MethodHandle W_PZ_V = libc("free", FunctionDescriptor.ofVoid(P, ValueLayout.JAVA_BOOLEAN));
  static final MethodHandle W_PIJ_Z = libc("memchr", FunctionDescriptor.of(ValueLayout.JAVA_BOOLEAN, P, I, J));

  // ---- libjvm: load address, .symtab, vmStructs ----
  static long base; static String jvmPath;
  static final Map<String, Long> SYMS = new HashMap<>();
  static final List<Long> MUTEXES = new ArrayList<>(); // storage of each global Mutex: _owner at 0, pthread_mutex at 8, pthread_cond at 48
  static void loadSyms(Set<String> want) throws Exception {
    for (String l : Files.readAllLines(Path.of("/proc/self/maps"))) {
      String[] f = l.trim().split("\\s+");
      if (l.endsWith("/libjvm.so") && Long.parseLong(f[2], 16) == 0) { base = Long.parseUnsignedLong(f[0].split("-")[0], 16); jvmPath = f[5]; break; }
    }
    try (FileChannel ch = FileChannel.open(Path.of(jvmPath))) {
      ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
      long shoff = b.getLong(0x28); int shentsize = b.getShort(0x3A) & 0xffff, shnum = b.getShort(0x3C) & 0xffff;
      for (int i = 0; i < shnum; i++) {
        int sh = (int) (shoff + (long) i * shentsize);
        if (b.getInt(sh + 4) != 2) continue; // SHT_SYMTAB
        long off = b.getLong(sh + 0x18), size = b.getLong(sh + 0x20);
        long stroff = b.getLong((int) (shoff + (long) b.getInt(sh + 0x28) * shentsize) + 0x18);
        for (long p = off; p < off + size; p += 24) {
          int nm = b.getInt((int) p); if (nm == 0) continue;
          int s = (int) (stroff + nm), e = s; while (b.get(e) != 0) e++;
          byte[] nb = new byte[e - s]; b.get(s, nb); String n = new String(nb);
          if (want.contains(n)) SYMS.put(n, b.getLong((int) p + 8));
          else if (n.startsWith("_ZZ10mutex_initvE") && n.endsWith("_storage")) MUTEXES.add(base + b.getLong((int) p + 8));
        }
      }
    }
    for (String w : want) if (!SYMS.containsKey(w)) throw new RuntimeException("missing symbol " + w);
  }
  static MemorySegment sym(String n, long size) { return MemorySegment.ofAddress(base + SYMS.get(n)).reinterpret(size); }
  static MethodHandle fn(String n, FunctionDescriptor d) { return L.downcallHandle(MemorySegment.ofAddress(base + SYMS.get(n)), d); }
  static MemorySegment at(long a, long size) { return MemorySegment.ofAddress(a).reinterpret(size); }
  static String cstr(long a) { return a == 0 ? null : MemorySegment.ofAddress(a).reinterpret(4096).getString(0); }
  /** vmStructs: "Type::field" -> offset (instance fields) or absolute address (static fields) */
  static final Map<String, Long> VMS = new HashMap<>();
  static void loadVmStructs() {
    SymbolLookup jvm = SymbolLookup.libraryLookup(Path.of(jvmPath), A);
    java.util.function.ToLongFunction<String> g = n -> jvm.find(n).orElseThrow().reinterpret(8).get(J, 0);
    long arr = g.applyAsLong("gHotSpotVMStructs"), stride = g.applyAsLong("gHotSpotVMStructEntryArrayStride");
    long tn = g.applyAsLong("gHotSpotVMStructEntryTypeNameOffset"), fnm = g.applyAsLong("gHotSpotVMStructEntryFieldNameOffset"),
        st = g.applyAsLong("gHotSpotVMStructEntryIsStaticOffset"), of = g.applyAsLong("gHotSpotVMStructEntryOffsetOffset"),
        ad = g.applyAsLong("gHotSpotVMStructEntryAddressOffset");
    for (long e = arr; ; e += stride) {
      MemorySegment m = at(e, stride);
      String t = cstr(m.get(J, tn)); if (t == null) break;
      String f = cstr(m.get(J, fnm)); if (f == null) continue;
      VMS.put(t + "::" + f, m.get(I, st) != 0 ? m.get(J, ad) : m.get(J, of));
    }
  }
  static long vms(String k) { Long v = VMS.get(k); if (v == null) throw new RuntimeException("vmStructs lacks " + k); return v; }

  static final String SP_STATE = "_ZN20SafepointSynchronize6_stateE", NEXT_OP = "_ZN8VMThread18_next_vm_operationE",
      VM_THREAD = "_ZN8VMThread10_vm_threadE", COMPILE_JOBS = "_ZN13CompileBroker24_should_compile_new_jobsE",
      CHUNK_POOL = "_ZL20GlobalChunkPoolMutex", VM_CREATE = "_ZN8VMThread6createEv",
      OS_CREATE = "_ZN2os13create_threadEP6ThreadNS_10ThreadTypeEm", OS_START = "_ZN2os12start_threadEP6Thread",
      THREADS_REMOVE = "_ZN7Threads6removeEP10JavaThreadb", ENSURE_PARSABILITY = "_ZN13CollectedHeap18ensure_parsabilityEb";
  static MethodHandle VMCREATE, OSCREATE, OSSTART, TREMOVE, PARSABLE;
  static MemorySegment spState, nextOp, vmThreadVar, compileJobs, chunkPool, threadList, heapVar;
  static long offOsThread, offThreadId, offLength, offThreads;

  // ---- allocation-free child helpers ----
  static final MemorySegment BUF = A.allocate(64), CONDATTR = A.allocate(64), ST = A.allocate(8), PFD = A.allocate(8), RBUF = A.allocate(65536);
  static void mark(int fd, int b) { BUF.set(ValueLayout.JAVA_BYTE, 0, (byte) b); try { long r = (long) WRITE.invokeExact(fd, BUF, 1L); } catch (Throwable t) { throw new Error(t); } }
  static void exit(int c) { try { if (c < 0) SRAND.invokeExact(1); else EXIT.invokeExact(c); } catch (Throwable t) { throw new Error(t); } }
  static void callV(MethodHandle mh) throws Throwable { mh.invokeExact(); }
  static void callP_V(MethodHandle mh, MemorySegment a) throws Throwable { mh.invokeExact(a); }
  static void callPZ_V(MethodHandle mh, MemorySegment a, boolean b) throws Throwable { mh.invokeExact(a, b); }
  static boolean callPIJ_Z(MethodHandle mh, MemorySegment a, int b, long c) throws Throwable { return (boolean) mh.invokeExact(a, b, c); }

  /** 0 = safe to continue, else a reason code */
  static int selfCheck() {
    if (spState.get(I, 0) != 0) return 1;
    if (nextOp.get(J, 0) != 0) return 2;
    for (long m : MUTEXES) if (at(m, 16).get(J, 0) != 0 || at(m, 16).get(I, 8) != 0) return 3;
    long cp = chunkPool.get(J, 0); if (cp != 0 && at(cp, 4).get(I, 0) != 0) return 4;
    return 0;
  }
  static void reinitCondvars() throws Throwable {
    int r = (int) CONDATTR_INIT.invokeExact(CONDATTR); r = (int) CONDATTR_SETCLOCK.invokeExact(CONDATTR, 1 /* CLOCK_MONOTONIC */);
    for (long m : MUTEXES) r = (int) COND_INIT.invokeExact(at(m + 48, 48), CONDATTR);
  }
  /** Threads::remove every JavaThread but the one whose OSThread carries tid; returns how many were removed */
  static final long[] VICTIMS = new long[256];
  static int removeDeadThreads(int tid) throws Throwable {
    MemorySegment list = at(threadList.get(J, 0), 64);
    int len = list.get(I, offLength); MemorySegment arr = at(list.get(J, offThreads), 8L * len);
    int n = 0, self = 0;
    for (int i = 0; i < len && n < VICTIMS.length; i++) {
      long jt = arr.get(J, 8L * i), os = at(jt + offOsThread, 8).get(J, 0);
      if (os != 0 && at(os + offThreadId, 4).get(I, 0) == tid) self++; else VICTIMS[n++] = jt;
    }
    if (self != 1) return -1; // forking thread not identified: do nothing
    for (int i = 0; i < n; i++) callPZ_V(TREMOVE, MemorySegment.ofAddress(VICTIMS[i]), true); // daemon: keeps the non-daemon count (only DestroyJavaVM reads it)
    return n;
  }

  static volatile Object sink;
  static final Object[] RING = new Object[20_000]; // ~20 MB kept live so that data gets promoted and full GCs have work

  static long youngFirstKB;
  static void child(int fd, boolean remove, int tid, long childMB, int threads, long threadMB, long threadSec) {
    try {
      mark(fd, 'A');
      int c = selfCheck(); if (c != 0) { mark(fd, '0' + c); exit(75); }
      reinitCondvars(); mark(fd, 'C');
      if (remove) {
        callPZ_V(PARSABLE, MemorySegment.ofAddress(heapVar.get(J, 0)), true); mark(fd, 'P');
        int n = removeDeadThreads(tid); if (n < 0) { mark(fd, 'X'); exit(76); }
        mark(fd, 'R');
      }
      callV(VMCREATE);
      MemorySegment th = MemorySegment.ofAddress(vmThreadVar.get(J, 0));
      if (!callPIJ_Z(OSCREATE, th, 0 /* os::vm_thread */, 0L)) { mark(fd, 'X'); exit(77); }
      callP_V(OSSTART, th); mark(fd, 'V');
      // a young GC first: it evacuates only reachable objects, so eden's half-initialised objects of dead threads disappear
      for (long kb = 0; kb < youngFirstKB; kb++) sink = new byte[1000];
      mark(fd, 'Y');
      int k = 0;
      for (long mb = 1; mb <= childMB; mb++) { for (int j = 0; j < 1024; j++) { Object o = new byte[1000]; if ((j & 15) == 0) RING[k++ % RING.length] = o; else sink = o; } if ((mb & 15) == 0) mark(fd, '.'); }
      System.gc(); mark(fd, 'G');
      Thread[] ts = new Thread[threads];
      for (int i = 0; i < threads; i++) {
        ts[i] = new Thread(() -> { long end = System.nanoTime() + threadSec * 1_000_000_000L;
          for (long mb = 1; threadSec > 0 ? System.nanoTime() < end : mb <= threadMB; mb++) { for (int j = 0; j < 1024; j++) sink = new byte[1000]; if ((mb & 15) == 0) mark(fd, ','); } mark(fd, 't'); });
        ts[i].start();
      }
      mark(fd, 'T');
      for (Thread t : ts) t.join();
      System.gc(); mark(fd, 'G');
      mark(fd, 'Z');
      exit(0);
    } catch (Throwable e) { e.printStackTrace(); exit(99); }
  }

  /** a JIT-busy parent thread: defines hidden classes with fresh methods and calls each until the JIT compiles it */
  static void jitChurn() {
    var mt = java.lang.invoke.MethodType.methodType(int.class, int.class);
    var lookup = java.lang.invoke.MethodHandles.lookup();
    for (int n = 0; ; n++) {
      final int k = n;
      byte[] b = java.lang.classfile.ClassFile.of().build(java.lang.constant.ClassDesc.of("Gen" + Thread.currentThread().threadId() + "_" + n), cb ->
          cb.withMethodBody("f", java.lang.constant.MethodTypeDesc.of(java.lang.constant.ConstantDescs.CD_int, java.lang.constant.ConstantDescs.CD_int),
              java.lang.reflect.AccessFlag.PUBLIC.mask() | java.lang.reflect.AccessFlag.STATIC.mask(),
              code -> code.iload(0).ldc(k).ixor().iconst_3().imul().ireturn()));
      try {
        MethodHandle f = lookup.findStatic(lookup.defineHiddenClass(b, true).lookupClass(), "f", mt);
        int acc = 0; for (int i = 0; i < 20_000; i++) acc += (int) f.invokeExact(i);
        sink = acc;
      } catch (Throwable t) { throw new Error(t); }
    }
  }

  static int waitpid(int pid, boolean nohang) { try { return (int) WAITPID.invokeExact(pid, ST, nohang ? 1 : 0); } catch (Throwable t) { throw new Error(t); } }
  static String readSome(int fd) {
    try { long n = (long) READ.invokeExact(fd, RBUF, 65536L); return n <= 0 ? null : new String(RBUF.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE)); } catch (Throwable t) { throw new Error(t); }
  }
  static int pollIn(int fd, int ms) {
    PFD.set(I, 0, fd); PFD.set(ValueLayout.JAVA_SHORT, 4, (short) 1);
    try { return (int) POLL.invokeExact(PFD, 1L, ms); } catch (Throwable t) { throw new Error(t); }
  }

  public static void main(String[] args) throws Throwable {
    loadSyms(Set.of(SP_STATE, NEXT_OP, VM_THREAD, COMPILE_JOBS, CHUNK_POOL, VM_CREATE, OS_CREATE, OS_START, THREADS_REMOVE, ENSURE_PARSABILITY));
    loadVmStructs();
    spState = sym(SP_STATE, 4); nextOp = sym(NEXT_OP, 8); vmThreadVar = sym(VM_THREAD, 8); compileJobs = sym(COMPILE_JOBS, 4); chunkPool = sym(CHUNK_POOL, 8);
    threadList = at(vms("ThreadsSMRSupport::_java_thread_list"), 8); heapVar = at(vms("Universe::_collectedHeap"), 8);
    offOsThread = vms("Thread::_osthread"); offThreadId = vms("OSThread::_thread_id");
    offLength = vms("ThreadsList::_length"); offThreads = vms("ThreadsList::_threads");
    VMCREATE = fn(VM_CREATE, FunctionDescriptor.ofVoid());
    OSCREATE = fn(OS_CREATE, FunctionDescriptor.of(ValueLayout.JAVA_BOOLEAN, P, I, J));
    OSSTART = fn(OS_START, FunctionDescriptor.ofVoid(P));
    TREMOVE = fn(THREADS_REMOVE, FunctionDescriptor.ofVoid(P, ValueLayout.JAVA_BOOLEAN));
    PARSABLE = fn(ENSURE_PARSABILITY, FunctionDescriptor.ofVoid(P, ValueLayout.JAVA_BOOLEAN));

    int trials = Integer.getInteger("trials", 20), threads = Integer.getInteger("threads", 2), busy = Integer.getInteger("busy", 0);
    long childMB = Long.getLong("childMB", 1024), threadMB = Long.getLong("threadMB", 256), threadSec = Long.getLong("threadSec", 0);
    boolean remove = Boolean.parseBoolean(System.getProperty("remove", "true"));
    int hangSec = Integer.getInteger("hangSec", 30), gdbLeft = Integer.getInteger("gdb", 0);
    MemorySegment list = at(threadList.get(J, 0), 64);
    System.out.println("CONFIG remove=" + remove + " childMB=" + childMB + " threads=" + threads + " threadMB=" + threadMB + " threadSec=" + threadSec + " youngFirstKB=" + youngFirstKB + " busy=" + busy + " busyKind=" + System.getProperty("busyKind", "alloc")
        + " javaThreads=" + list.get(I, offLength) + " offsets(osthread,thread_id,length,threads)=" + offOsThread + "," + offThreadId + "," + offLength + "," + offThreads
        + " mutexes=" + MUTEXES.size());
    if (Boolean.getBoolean("youngFirst")) for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans())
      if (pool.getName().equals("Eden Space")) youngFirstKB = pool.getUsage().getCommitted() / 1000 + 1024;
    boolean jit = System.getProperty("busyKind", "alloc").equals("jit");
    for (int i = 0; i < busy; i++) { Thread t = new Thread(jit ? FullTierChild::jitChurn : () -> { while (true) sink = new byte[1024]; }); t.setDaemon(true); t.start(); }
    for (int i = 0; i < 3; i++) { // link every call site the child uses, with harmless targets
      exit(-1); mark(-1, 'x'); callV(W_V); callP_V(W_P_V, MemorySegment.NULL); callPZ_V(W_PZ_V, MemorySegment.NULL, false);
      callPIJ_Z(W_PIJ_Z, MemorySegment.NULL, 0, 0L); selfCheck(); int r = (int) CONDATTR_INIT.invokeExact(CONDATTR); r = (int) CONDATTR_SETCLOCK.invokeExact(CONDATTR, 1);
      r = (int) COND_INIT.invokeExact(A.allocate(48), CONDATTR); r = (int) GETTID.invokeExact();
    }
    Thread.sleep(300);
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, Integer> retryWhy = new TreeMap<>(); // 75+digit: self-check reason (1 safepoint, 2 VM op, 3 mutex, 4 chunk pool); nohandshake: child never ran
    for (int t = 0; t < trials; t++) {
      String cls = null, st = null, out = null; int pid = 0, attempts = 0;
      while (cls == null || (cls.equals("retry") && attempts < 4)) {
        attempts++;
        System.gc();
        MemorySegment fds = A.allocate(8); int r = (int) PIPE.invokeExact(fds); int rd = fds.get(I, 0), wr = fds.get(I, 4);
        int tid = (int) GETTID.invokeExact();
        int saved = compileJobs.get(I, 0); compileJobs.set(I, 0, 0);
        pid = (int) FORK.invokeExact();
        if (pid == 0) child(wr, remove, tid, childMB, threads, threadMB, threadSec);
        compileJobs.set(I, 0, saved);
        r = (int) CLOSE.invokeExact(wr);
        StringBuilder sb = new StringBuilder(); long last = System.nanoTime(); st = "hang";
        while (true) {
          if (pollIn(rd, 20) > 0) { String s = readSome(rd); if (s != null) { sb.append(s); last = System.nanoTime(); } }
          if (waitpid(pid, true) == pid) { int s = ST.get(I, 0); st = (s & 0x7f) == 0 ? "exit" + ((s >> 8) & 0xff) : "sig" + (s & 0x7f); break; }
          // no handshake within 5 s = the child never ran (safepoint armed at fork): retry like the bounded protocol
          long quiet = (System.nanoTime() - last) / 1_000_000;
          if ((sb.isEmpty() && quiet > 5000) || quiet > hangSec * 1000L) {
            if (!sb.isEmpty() && gdbLeft-- > 0) {
              Files.createDirectories(Path.of("gdb-out"));
              new ProcessBuilder("timeout", "120", "gdb", "-p", "" + pid, "-batch", "-ex", "thread apply all bt 25").redirectErrorStream(true)
                  .redirectOutput(new java.io.File("gdb-out/hang_" + pid + ".txt")).start().waitFor();
            }
            r = (int) KILL.invokeExact(pid, 9); waitpid(pid, false); st = sb.isEmpty() ? "nohandshake" : "hang"; break;
          }
        }
        while (pollIn(rd, 0) > 0) { String s = readSome(rd); if (s == null) break; sb.append(s); }
        r = (int) CLOSE.invokeExact(rd);
        out = sb.toString();
        // a JVM crash prints hs_err and exits with status 1 when core dumps are off: a crash, not a loud failure
        if (Files.exists(Path.of(System.getProperty("errDir", "."), "hs_err_" + pid + ".log"))) st = "hs_err(" + st + ")";
        cls = st.startsWith("hs_err") ? "crash" : st.equals("exit0") && out.endsWith("Z") ? "clean" : st.equals("exit75") || st.equals("nohandshake") ? "retry"
            : st.startsWith("exit") ? "loud" : st.equals("hang") ? "hang" : "crash";
        if (cls.equals("retry")) retryWhy.merge(st.equals("exit75") ? "selfcheck" + out.substring(1) : st, 1, Integer::sum);
      }
      if (cls.equals("retry")) cls = "loud";
      counts.merge(cls, 1, Integer::sum);
      int mb = 0, tmb = 0; for (char ch : out.toCharArray()) { if (ch == '.') mb += 16; if (ch == ',') tmb += 16; }
      System.out.println("T " + t + " pid=" + pid + " attempts=" + attempts + " " + st + " " + cls + " childMB=" + mb + " threadMB=" + tmb + " marks=" + out.replace(".", "").replace(",", ""));
    }
    System.out.println("SUMMARY remove=" + remove + " busy=" + busy + " threads=" + threads + " N=" + trials + " " + counts + " retries=" + retryWhy);
    System.out.flush();
    exit(0);
  }
}
