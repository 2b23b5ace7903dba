package dev.memprobe.retain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import shark.HprofHeader;
import shark.RandomAccessHprofReader;

/**
 * Random access to the records of the few objects a report names (thread and loader names, a collection's size, the
 * field a reference comes from, a buffer's capacity), through Shark's {@code RandomAccessHprofReader}: from the offset
 * of every 32nd object that {@link HeapIndex} kept, forward over the records in between.
 */
final class HeapRecords implements AutoCloseable {

    private static final int SEGMENT = 0x1C;
    private static final int HEAP_DUMP = 0x0C;
    private static final int CLASS_DUMP = 0x20;
    private static final int INSTANCE = 0x21;
    private static final int OBJECT_ARRAY = 0x22;
    private static final int PRIMITIVE_ARRAY = 0x23;

    private final HeapIndex heap;
    private final RandomAccessHprofReader reader;
    private final long fileSize;
    private final int id;

    HeapRecords(HeapIndex heap) {
        this.heap = heap;
        this.reader = RandomAccessHprofReader.Companion.openReaderFor(
                heap.file, HprofHeader.Companion.parseHeaderOf(heap.file));
        this.fileSize = heap.file.length();
        this.id = heap.idSize;
    }

    @Override
    public void close() {
        reader.close();
    }

    private ByteBuffer bytes(long position, long count) {
        int n = (int) Math.max(0, Math.min(count, fileSize - position));
        if (n == 0) {
            return ByteBuffer.allocate(0);
        }
        byte[] read = reader.readRecord(position, n, in -> in.readByteArray(n));
        return ByteBuffer.wrap(read);
    }

    private long id(ByteBuffer b, int at) {
        return id == 4 ? Integer.toUnsignedLong(b.getInt(at)) : b.getLong(at);
    }

    /** The file offset of the record of {@code node}. */
    private long position(int node) {
        long at = heap.offsets[node >>> 5];
        int k = node & ~31;
        while (true) {
            ByteBuffer head = bytes(at, 1 + 2L * id + 9);
            int tag = head.get(0) & 0xff;
            if (tag == SEGMENT || tag == HEAP_DUMP) {
                at += 9;
                continue;
            }
            long size = size(tag, head);
            if (size < 0) { // a root record between objects
                at += -size;
                continue;
            }
            if (k == node) {
                return at;
            }
            k++;
            at += size;
        }
    }

    /** The size of an object's record from its first bytes; minus the size of a root record. */
    private long size(int tag, ByteBuffer head) {
        return switch (tag) {
            case CLASS_DUMP -> heap.classById.get(id(head, 1)).recordSize;
            case INSTANCE -> 1 + 2L * id + 8 + Integer.toUnsignedLong(head.getInt(1 + 2 * id + 4));
            case OBJECT_ARRAY -> 1 + 2L * id + 8 + (long) head.getInt(1 + id + 4) * id;
            case PRIMITIVE_ARRAY ->
                1 + id + 9 + (long) head.getInt(1 + id + 4) * ClassInfo.PRIMITIVE_SIZE[head.get(1 + id + 8)];
            case 0xFF, 0x05, 0x07 -> -(1 + id); // unknown, sticky class, monitor used
            case 0x01 -> -(1 + 2L * id); // JNI global
            case 0x02, 0x03, 0x08 -> -(1 + id + 8); // JNI local, Java frame, thread object
            case 0x04, 0x06 -> -(1 + id + 4); // native stack, thread block
            default ->
                throw new UnsupportedDumpException(
                        "a heap record of an unknown kind (0x" + Integer.toHexString(tag) + ")");
        };
    }

    /** An instance's field values (its class's, then its superclasses'), or null when the node is no instance. */
    ByteBuffer fields(int node) {
        long at = position(node);
        ByteBuffer head = bytes(at, 1 + 2L * id + 8);
        if ((head.get(0) & 0xff) != INSTANCE) {
            return null;
        }
        long length = Integer.toUnsignedLong(head.getInt(1 + 2 * id + 4));
        return bytes(at + 1 + 2L * id + 8, length);
    }

    /** The elements of an object array, or null when the node is none. */
    long[] elements(int node) {
        long at = position(node);
        ByteBuffer head = bytes(at, 1 + 2L * id + 8);
        if ((head.get(0) & 0xff) != OBJECT_ARRAY) {
            return null;
        }
        int length = head.getInt(1 + id + 4);
        ByteBuffer values = bytes(at + 1 + 2L * id + 8, (long) length * id);
        long[] elements = new long[length];
        for (int i = 0; i < length; i++) {
            elements[i] = id(values, i * id);
        }
        return elements;
    }

    /** The first {@code max} bytes of a primitive array's values, or null when the node is none. */
    private ByteBuffer primitives(int node, int max) {
        long at = position(node);
        ByteBuffer head = bytes(at, 1 + id + 9);
        if ((head.get(0) & 0xff) != PRIMITIVE_ARRAY) {
            return null;
        }
        long length = (long) head.getInt(1 + id + 4) * ClassInfo.PRIMITIVE_SIZE[head.get(1 + id + 8)];
        return bytes(at + 1 + id + 9, Math.min(length, max));
    }

    /** The object id a reference field of an instance holds; 0 for null, none or a primitive field. */
    long reference(int node, String field) {
        ClassInfo c = heap.classOfObject(node);
        return c == null || c.field(field) == null ? 0 : reference(c, fields(node), field);
    }

    /** The object id the named reference field holds in an instance's {@link #fields}; 0 for null or none. */
    long reference(ClassInfo c, ByteBuffer values, String field) {
        int[] slot = c.field(field);
        if (values == null || slot == null || slot[1] != ClassInfo.OBJECT) {
            return 0;
        }
        return id(values, slot[0]);
    }

    /** A whole-number field of an instance; {@code Long.MIN_VALUE} for none. */
    long number(int node, String field) {
        ClassInfo c = heap.classOfObject(node);
        return c == null || c.field(field) == null ? Long.MIN_VALUE : number(c, fields(node), field);
    }

    /** The named whole-number field in an instance's {@link #fields}; {@code Long.MIN_VALUE} for none. */
    long number(ClassInfo c, ByteBuffer values, String field) {
        int[] slot = c.field(field);
        if (values == null || slot == null) {
            return Long.MIN_VALUE;
        }
        return switch (slot[1]) {
            case ClassInfo.INT -> values.getInt(slot[0]);
            case ClassInfo.LONG -> values.getLong(slot[0]);
            case ClassInfo.BYTE, ClassInfo.BOOLEAN -> values.get(slot[0]);
            case ClassInfo.SHORT, ClassInfo.CHAR -> values.getShort(slot[0]);
            default -> Long.MIN_VALUE;
        };
    }

    /** The text of a {@code java.lang.String} (JDK 9+ bytes and coder, or JDK 8 chars), at most 200 characters. */
    String string(long stringId) {
        int node = heap.node(stringId);
        ClassInfo c = node < 0 ? null : heap.classOfObject(node);
        if (c == null || !c.name.equals("java.lang.String")) {
            return null;
        }
        int value = heap.node(reference(node, "value"));
        if (value < 0) {
            return "";
        }
        ByteBuffer text = primitives(value, 400);
        if (text == null) {
            return "";
        }
        byte[] raw = new byte[text.remaining()];
        text.get(raw);
        if (heap.classOf[value] == -ClassInfo.CHAR) {
            return new String(raw, StandardCharsets.UTF_16BE);
        }
        return number(node, "coder") == 1
                ? new String(raw, StandardCharsets.UTF_16LE)
                : new String(raw, StandardCharsets.ISO_8859_1);
    }

    /** The {@code name} of a thread or class loader, or null. */
    String name(int node) {
        return string(reference(node, "name"));
    }

    /** The field of {@code from} that refers to {@code to}, or null (an array, a class, or no direct reference). */
    String fieldTo(int from, int to) {
        ClassInfo c = heap.classOfObject(from);
        if (c == null || c.isArray()) {
            return null;
        }
        ByteBuffer values = fields(from);
        if (values == null) {
            return null;
        }
        for (int i = 0; i < c.referenceOffsets.length; i++) {
            if (heap.node(id(values, c.referenceOffsets[i])) == to) {
                return c.referenceNames[i];
            }
        }
        return null;
    }
}
