package dev.memprobe.retain;

import java.io.File;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shark.HprofHeader;
import shark.HprofRecord;
import shark.HprofRecordReader;
import shark.HprofRecordTag;
import shark.StreamingHprofReader;
import shark.ValueHolder;

/**
 * One streaming pass over an hprof file (Shark's {@code StreamingHprofReader}) into a few int arrays: for every object
 * in file order (class dumps included) its class, its shallow size and its strong references; besides them the
 * symbols, classes, stack traces and GC roots. About 30 bytes of heap per object, so that a dump of a 1 GiB heap fits
 * in Maven's JVM.
 *
 * <p>Ids are 8-aligned heap addresses: an object's node is its rank in a bitmap of the addresses (no hash map per
 * object). The referent of a {@code java.lang.ref.Reference} is not a strong reference and is left out; an instance
 * refers to its class when the class is not the boot loader's, so that an instance pins its class loader.
 */
final class HeapIndex {

    /** {@link #classOf} of a primitive array: {@code -basicType}; of a class object: this. */
    static final int CLASS_OBJECT = -100;

    /** A GC root as the dump gives it. */
    record Root(HprofRecordTag kind, long id, int threadSerial, int frame, int stackTrace) {}

    /** A stack frame: method, source file, line (<= 0 when unknown) and the class's serial number. */
    record Frame(long method, long source, int classSerial, int line) {}

    final File file;
    final int idSize;
    final boolean compressedOops;
    final int header;
    final int referenceSize;
    final int arrayHeader;

    final Map<Long, String> symbols = new HashMap<>();
    final Map<Long, Long> classNameIds = new HashMap<>();
    final Map<Integer, Long> classIdBySerial = new HashMap<>();
    final Map<Long, Frame> frames = new HashMap<>();
    final Map<Integer, long[]> traces = new HashMap<>();
    final List<ClassInfo> classes = new ArrayList<>();
    final Map<Long, ClassInfo> classById = new HashMap<>();
    final List<Root> roots = new ArrayList<>();

    /** Objects in file order, class dumps included. */
    int objects;
    /** Per object: the index of its class in {@link #classes}, {@code -basicType} for a primitive array, or CLASS_OBJECT. */
    int[] classOf;
    /** Per object: its estimated shallow size in bytes (HotSpot's layout). */
    int[] shallow;
    /** CSR of strong references between objects: {@code edges[edgeStart[v] .. edgeStart[v + 1])}. */
    int[] edgeStart;

    int[] edges;
    /** File offset of every 32nd object's record, for {@link HeapRecords}. */
    long[] offsets;

    private long base = -1;
    private long minSlot;
    private long[] bits;
    private int[] rankOfWord;
    private int[] nodeOfRank;
    private final Map<Long, Integer> classNodes = new HashMap<>();
    private boolean ordered = true;
    private boolean objectSeen;
    private long lastId = Long.MIN_VALUE;

    private IntList tmpClass = new IntList(1 << 16);
    private IntList tmpShallow = new IntList(1 << 16);
    private IntList tmpStart = new IntList(1 << 16);
    private IntList tmpEdges = new IntList(1 << 16);
    private IntList tmpSlot = new IntList(1 << 16);
    private final List<Long> tmpOffsets = new ArrayList<>();
    private ClassInfo lastClass;

    private HeapIndex(File file, int idSize, boolean compressedOops) {
        this.file = file;
        this.idSize = idSize;
        this.compressedOops = compressedOops;
        this.header = compressedOops ? 12 : 16;
        this.referenceSize = compressedOops ? 4 : 8;
        this.arrayHeader = compressedOops ? 16 : 24;
    }

    /**
     * Reads {@code file}.
     *
     * @param compressedOops whether the dumped JVM used 4-byte references (sizes are estimated from it)
     * @throws UnsupportedDumpException when the file is no HotSpot heap dump this reader understands
     */
    static HeapIndex read(File file, boolean compressedOops) {
        HprofHeader header;
        try {
            header = HprofHeader.Companion.parseHeaderOf(file);
        } catch (RuntimeException e) {
            throw new UnsupportedDumpException("not an hprof heap dump (" + e.getMessage() + ")");
        }
        HeapIndex index = new HeapIndex(file, header.getIdentifierByteSize(), compressedOops);
        StreamingHprofReader reader = StreamingHprofReader.Companion.readerFor(file, header);
        reader.readRecords(EnumSet.allOf(HprofRecordTag.class), index::record);
        index.freeze();
        return index;
    }

    private void record(HprofRecordTag tag, long length, HprofRecordReader in) {
        switch (tag) {
            case STRING_IN_UTF8 -> {
                HprofRecord.StringRecord s = in.readStringRecord(length);
                symbols.put(s.getId(), s.getString());
            }
            case LOAD_CLASS -> {
                HprofRecord.LoadClassRecord c = in.readLoadClassRecord();
                classNameIds.put(c.getId(), c.getClassNameStringId());
                classIdBySerial.put(c.getClassSerialNumber(), c.getId());
            }
            case STACK_FRAME -> {
                HprofRecord.StackFrameRecord f = in.readStackFrameRecord();
                frames.put(
                        f.getId(),
                        new Frame(
                                f.getMethodNameStringId(),
                                f.getSourceFileNameStringId(),
                                f.getClassSerialNumber(),
                                f.getLineNumber()));
            }
            case STACK_TRACE -> {
                HprofRecord.StackTraceRecord t = in.readStackTraceRecord();
                traces.put(t.getStackTraceSerialNumber(), t.getStackFrameIds());
            }
            case CLASS_DUMP -> classDump(in);
            case INSTANCE_DUMP -> instance(in);
            case OBJECT_ARRAY_DUMP -> objectArray(in);
            case PRIMITIVE_ARRAY_DUMP -> primitiveArray(in);
            case ROOT_JAVA_FRAME -> {
                var r = in.readJavaFrameGcRootRecord();
                roots.add(new Root(tag, r.getId(), r.getThreadSerialNumber(), r.getFrameNumber(), 0));
            }
            case ROOT_JNI_LOCAL -> {
                var r = in.readJniLocalGcRootRecord();
                roots.add(new Root(tag, r.getId(), r.getThreadSerialNumber(), r.getFrameNumber(), 0));
            }
            case ROOT_THREAD_OBJECT -> {
                var r = in.readThreadObjectGcRootRecord();
                roots.add(new Root(tag, r.getId(), r.getThreadSerialNumber(), -1, r.getStackTraceSerialNumber()));
            }
            case ROOT_JNI_GLOBAL ->
                roots.add(root(tag, in.readJniGlobalGcRootRecord().getId()));
            case ROOT_STICKY_CLASS ->
                roots.add(root(tag, in.readStickyClassGcRootRecord().getId()));
            case ROOT_MONITOR_USED ->
                roots.add(root(tag, in.readMonitorUsedGcRootRecord().getId()));
            case ROOT_NATIVE_STACK ->
                roots.add(root(tag, in.readNativeStackGcRootRecord().getId()));
            case ROOT_THREAD_BLOCK ->
                roots.add(root(tag, in.readThreadBlockGcRootRecord().getId()));
            case ROOT_UNKNOWN ->
                roots.add(root(tag, in.readUnknownGcRootRecord().getId()));
            case ROOT_JNI_MONITOR ->
                roots.add(root(tag, in.readJniMonitorGcRootRecord().getId()));
            case ROOT_INTERNED_STRING ->
                roots.add(root(tag, in.readInternedStringGcRootRecord().getId()));
            case ROOT_FINALIZING ->
                roots.add(root(tag, in.readFinalizingGcRootRecord().getId()));
            case ROOT_DEBUGGER ->
                roots.add(root(tag, in.readDebuggerGcRootRecord().getId()));
            case ROOT_REFERENCE_CLEANUP ->
                roots.add(root(tag, in.readReferenceCleanupGcRootRecord().getId()));
            case ROOT_VM_INTERNAL ->
                roots.add(root(tag, in.readVmInternalGcRootRecord().getId()));
            case ROOT_UNREACHABLE ->
                roots.add(root(tag, in.readUnreachableGcRootRecord().getId()));
            case HEAP_DUMP_INFO -> in.readHeapDumpInfoRecord();
            default -> {
                if (length < 0) {
                    throw new UnsupportedDumpException("a heap record of an unknown kind (" + tag + ")");
                }
                in.skip(length);
            }
        }
    }

    private static Root root(HprofRecordTag kind, long id) {
        return new Root(kind, id, 0, -1, 0);
    }

    private void classDump(HprofRecordReader in) {
        long start = in.getBytesRead() - 1;
        HprofRecord.HeapDumpRecord.ObjectRecord.ClassDumpRecord c = in.readClassDumpRecord();
        if (objectSeen) {
            ordered = false;
        }
        int node = begin(start, 0);
        classNodes.put(c.getId(), node);
        List<ClassInfo.Static> statics = new ArrayList<>();
        int staticBytes = 0;
        int staticEdges = 0;
        for (var s : c.getStaticFields()) {
            long value = s.getValue() instanceof ValueHolder.ReferenceHolder ref ? ref.getValue() : 0;
            statics.add(new ClassInfo.Static(symbol(s.getNameStringId()), s.getType(), value));
            staticBytes += s.getType() == ClassInfo.OBJECT ? referenceSize : ClassInfo.PRIMITIVE_SIZE[s.getType()];
            if (value != 0) {
                edge(value);
                staticEdges++;
            }
        }
        List<ClassInfo.Field> fields = new ArrayList<>();
        for (var f : c.getFields()) {
            fields.add(new ClassInfo.Field(symbol(f.getNameStringId()), f.getType()));
        }
        if (c.getClassLoaderId() != 0) {
            edge(c.getClassLoaderId());
        }
        ClassInfo info = new ClassInfo(
                classes.size(), c.getId(), c.getSuperclassId(), c.getClassLoaderId(), node, statics, fields);
        info.recordSize = (int) (in.getBytesRead() - start);
        info.staticEdges = staticEdges;
        classes.add(info);
        classById.put(info.id, info);
        tmpClass.add(CLASS_OBJECT);
        tmpShallow.add(align(112 + staticBytes)); // a java.lang.Class mirror with its statics
    }

    private void instance(HprofRecordReader in) {
        long start = in.getBytesRead() - 1;
        long id = in.readId();
        in.readInt();
        long classId = in.readId();
        int length = in.readInt();
        object(start, id);
        ClassInfo c = layout(classId);
        int at = 0;
        for (int offset : c.referenceOffsets) {
            in.skip(offset - at);
            long target = in.readId();
            if (target != 0) {
                edge(target);
            }
            at = offset + idSize;
        }
        in.skip(length - at);
        if (c.loaderId != 0) {
            edge(classId); // an instance keeps its class, and so its class loader
        }
        tmpClass.add(c.index);
        tmpShallow.add(c.instanceShallow);
    }

    private void objectArray(HprofRecordReader in) {
        long start = in.getBytesRead() - 1;
        long id = in.readId();
        in.readInt();
        int length = in.readInt();
        long classId = in.readId();
        object(start, id);
        for (int i = 0; i < length; i++) {
            long target = in.readId();
            if (target != 0) {
                edge(target);
            }
        }
        ClassInfo c = layout(classId);
        if (c.loaderId != 0) {
            edge(classId);
        }
        tmpClass.add(c.index);
        tmpShallow.add(align(arrayHeader + (long) length * referenceSize));
    }

    private void primitiveArray(HprofRecordReader in) {
        long start = in.getBytesRead() - 1;
        long id = in.readId();
        in.readInt();
        int length = in.readInt();
        int type = in.readUnsignedByte();
        object(start, id);
        in.skip((long) length * ClassInfo.PRIMITIVE_SIZE[type]);
        tmpClass.add(-type);
        tmpShallow.add(align(arrayHeader + (long) length * ClassInfo.PRIMITIVE_SIZE[type]));
    }

    private void object(long start, long id) {
        if (id <= lastId) {
            ordered = false;
        }
        lastId = id;
        objectSeen = true;
        begin(start, slot(id));
    }

    private int begin(long recordStart, int slot) {
        if ((objects & 31) == 0) {
            tmpOffsets.add(recordStart);
        }
        tmpSlot.add(slot);
        tmpStart.add(tmpEdges.size());
        return objects++;
    }

    private void edge(long target) {
        tmpEdges.add(slot(target));
    }

    /** An address as an unsigned 8-byte slot within 32 GiB around the first one seen. */
    private int slot(long id) {
        if (base < 0) {
            base = Math.max(0, (id & ~7L) - (1L << 34));
        }
        long slot = (id - base) >>> 3;
        if (id < base || slot > 0xFFFF_FFFFL) {
            throw new UnsupportedDumpException("the dumped heap spans more than 32 GiB of addresses");
        }
        return (int) slot;
    }

    private String symbol(long id) {
        String name = symbols.get(id);
        return name == null ? "?" : name;
    }

    /** The class of {@code classId}, laid out: its name and where its instances' references are. */
    private ClassInfo layout(long classId) {
        if (lastClass != null && lastClass.id == classId) {
            return lastClass;
        }
        ClassInfo c = classById.get(classId);
        if (c == null) {
            throw new UnsupportedDumpException("an object of a class not dumped before it");
        }
        if (!c.laidOut) {
            lay(c);
        }
        lastClass = c;
        return c;
    }

    private void lay(ClassInfo c) {
        c.name = className(c.id);
        List<Integer> offsets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        c.fieldNames = new ArrayList<>();
        c.fieldSlots = new ArrayList<>();
        int at = 0;
        int bytes = 0;
        for (ClassInfo k = c; k != null; k = k.superId == 0 ? null : classById.get(k.superId)) {
            String kName = k == c ? c.name : className(k.id);
            c.reference |= kName.equals("java.lang.ref.Reference");
            c.classLoader |= kName.equals("java.lang.ClassLoader");
            c.thread |= kName.equals("java.lang.Thread");
            for (ClassInfo.Field f : k.fields) {
                c.fieldNames.add(f.name());
                c.fieldSlots.add(new int[] {at, f.type()});
                if (f.type() == ClassInfo.OBJECT) {
                    // a Reference's referent is no strong reference: weak, soft and phantom ones do not keep it
                    if (!(kName.equals("java.lang.ref.Reference") && f.name().equals("referent"))) {
                        offsets.add(at);
                        names.add(f.name());
                    }
                    at += idSize;
                    bytes += referenceSize;
                } else {
                    at += ClassInfo.PRIMITIVE_SIZE[f.type()];
                    bytes += ClassInfo.PRIMITIVE_SIZE[f.type()];
                }
            }
        }
        c.referenceOffsets = offsets.stream().mapToInt(Integer::intValue).toArray();
        c.referenceNames = names.toArray(new String[0]);
        c.instanceShallow = align(header + bytes);
        c.laidOut = true;
    }

    /** The Java name of the class of {@code classId}. */
    String className(long classId) {
        Long nameId = classNameIds.get(classId);
        return nameId == null ? "0x" + Long.toHexString(classId) : ClassInfo.javaName(symbol(nameId));
    }

    private static int align(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + 7) & ~7L);
    }

    private void freeze() {
        for (ClassInfo c : classes) {
            if (!c.laidOut) {
                lay(c);
            }
        }
        classOf = tmpClass.toArray(0);
        shallow = tmpShallow.toArray(0);
        edgeStart = tmpStart.toArray(1);
        edgeStart[objects] = tmpEdges.size();
        edges = tmpEdges.toArray(0);
        offsets = tmpOffsets.stream().mapToLong(Long::longValue).toArray();
        int[] slots = tmpSlot.toArray(0);
        tmpClass = tmpShallow = tmpStart = tmpEdges = tmpSlot = null;
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int v = 0; v < objects; v++) {
            if (classOf[v] != CLASS_OBJECT) {
                min = Math.min(min, Integer.toUnsignedLong(slots[v]));
                max = Math.max(max, Integer.toUnsignedLong(slots[v]));
            }
        }
        minSlot = min == Long.MAX_VALUE ? 0 : min;
        bits = new long[(int) ((max - minSlot) >>> 6) + 1];
        for (int v = 0; v < objects; v++) {
            if (classOf[v] != CLASS_OBJECT) {
                long s = Integer.toUnsignedLong(slots[v]) - minSlot;
                bits[(int) (s >>> 6)] |= 1L << (s & 63);
            }
        }
        rankOfWord = new int[bits.length];
        int rank = 0;
        for (int w = 0; w < bits.length; w++) {
            rankOfWord[w] = rank;
            rank += Long.bitCount(bits[w]);
        }
        if (!ordered) { // a dump written by several threads at once: keep the permutation
            nodeOfRank = new int[rank];
            for (int v = 0; v < objects; v++) {
                if (classOf[v] != CLASS_OBJECT) {
                    nodeOfRank[rank(Integer.toUnsignedLong(slots[v]) - minSlot)] = v;
                }
            }
        }
        for (int e = 0; e < edges.length; e++) {
            edges[e] = nodeOfSlot(Integer.toUnsignedLong(edges[e]));
        }
    }

    /** The rank of a slot relative to the lowest, -1 when no object has it. */
    private int rank(long slot) {
        if (slot < 0) {
            return -1;
        }
        long w = slot >>> 6;
        if (w >= bits.length) {
            return -1;
        }
        long bit = 1L << (slot & 63);
        long word = bits[(int) w];
        if ((word & bit) == 0) {
            return -1;
        }
        return rankOfWord[(int) w] + Long.bitCount(word & (bit - 1));
    }

    private int nodeOfSlot(long slot) {
        int r = rank(slot - minSlot);
        if (r >= 0) {
            return nodeOfRank == null ? classes.size() + r : nodeOfRank[r];
        }
        Integer c = classNodes.get((slot << 3) + base);
        return c == null ? -1 : c;
    }

    /** The node of an object id; -1 for null or an object the dump does not hold. */
    int node(long id) {
        if (id == 0 || base < 0 || id < base || ((id - base) >>> 3) > 0xFFFF_FFFFL) {
            return -1;
        }
        return nodeOfSlot((id - base) >>> 3);
    }

    /** The class of a class object's node, or null when the node is no class object. */
    ClassInfo classAt(int node) {
        return classOf[node] == CLASS_OBJECT ? classes.get(indexOfClassNode(node)) : null;
    }

    private int indexOfClassNode(int node) {
        // class dumps come first in a HotSpot dump: node i is class i; otherwise search
        if (node < classes.size() && classes.get(node).node == node) {
            return node;
        }
        for (ClassInfo c : classes) {
            if (c.node == node) {
                return c.index;
            }
        }
        throw new IllegalStateException("no class at node " + node);
    }

    /** The type of an object as Java names it: {@code java.util.HashMap}, {@code byte[]}, {@code class a.B}. */
    String typeName(int node) {
        int c = classOf[node];
        if (c == CLASS_OBJECT) {
            return "class " + classAt(node).name;
        }
        return c < 0 ? ClassInfo.PRIMITIVE_ARRAY[-c] : classes.get(c).name;
    }

    /** The class of an instance or object array, or null for a primitive array or class object. */
    ClassInfo classOfObject(int node) {
        int c = classOf[node];
        return c >= 0 ? classes.get(c) : null;
    }

    String symbolOf(long id) {
        return symbol(id);
    }
}
