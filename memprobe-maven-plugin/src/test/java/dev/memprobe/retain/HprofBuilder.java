package dev.memprobe.retain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small hprof files as HotSpot lays them out (JAVA PROFILE 1.0.2, 8-byte ids, class dumps first, then
 * objects by increasing address, then the GC roots), for tests that need a heap of known shape.
 */
final class HprofBuilder {

    /** A field of a class: name and hprof basic type. */
    record Field(String name, int type) {}

    private final ByteArrayOutputStream top = new ByteArrayOutputStream();
    private final DataOutputStream records = new DataOutputStream(top);
    private final ByteArrayOutputStream classBytes = new ByteArrayOutputStream();
    private final DataOutputStream classDumps = new DataOutputStream(classBytes);
    private final ByteArrayOutputStream objectBytes = new ByteArrayOutputStream();
    private final DataOutputStream objects = new DataOutputStream(objectBytes);
    private final ByteArrayOutputStream rootBytes = new ByteArrayOutputStream();
    private final DataOutputStream roots = new DataOutputStream(rootBytes);
    private final Map<String, Long> strings = new HashMap<>();
    private final Map<Long, List<Field>> layouts = new HashMap<>();
    private final Map<Long, Long> supers = new HashMap<>();
    private final Map<Long, Integer> serials = new HashMap<>();
    private long nextId = 0x7_0000_0000L;
    private int nextSerial = 1;

    final long objectClass;
    final long stringClass;
    final long threadClass;
    final long loaderClass;
    final long objectArrayClass;

    HprofBuilder() {
        objectClass = type("java.lang.Object", 0, 0);
        stringClass = type(
                "java.lang.String",
                objectClass,
                0,
                new Field("value", ClassInfo.OBJECT),
                new Field("coder", ClassInfo.BYTE));
        threadClass = type(
                "java.lang.Thread",
                objectClass,
                0,
                new Field("name", ClassInfo.OBJECT),
                new Field("contextClassLoader", ClassInfo.OBJECT));
        loaderClass = type(
                "java.lang.ClassLoader",
                objectClass,
                0,
                new Field("name", ClassInfo.OBJECT),
                new Field("parent", ClassInfo.OBJECT));
        objectArrayClass = type("[Ljava/lang/Object;", objectClass, 0);
    }

    private long id() {
        long id = nextId;
        nextId += 16;
        return id;
    }

    long string(String text) {
        return strings.computeIfAbsent(text, t -> {
            long id = id();
            try {
                byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
                record(0x01, 8 + bytes.length);
                records.writeLong(id);
                records.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return id;
        });
    }

    private void record(int tag, int length) throws IOException {
        records.writeByte(tag);
        records.writeInt(0);
        records.writeInt(length);
    }

    /** A class without statics; its name as the JVM writes it ({@code a/B} or {@code a.B}). */
    long type(String name, long superId, long loaderId, Field... fields) {
        return type(name, superId, loaderId, Map.of(), fields);
    }

    /** A class with reference statics {@code name -> value id}. */
    long type(String name, long superId, long loaderId, Map<String, Long> statics, Field... fields) {
        long id = id();
        long nameId = string(name.replace('.', '/'));
        int serial = nextSerial++;
        try {
            record(0x02, 4 + 8 + 4 + 8);
            records.writeInt(serial);
            records.writeLong(id);
            records.writeInt(0);
            records.writeLong(nameId);
            classDumps.writeByte(0x20);
            classDumps.writeLong(id);
            classDumps.writeInt(0);
            classDumps.writeLong(superId);
            classDumps.writeLong(loaderId);
            for (int i = 0; i < 4; i++) {
                classDumps.writeLong(0);
            }
            classDumps.writeInt(0);
            classDumps.writeShort(0);
            classDumps.writeShort(statics.size());
            for (Map.Entry<String, Long> s : statics.entrySet()) {
                classDumps.writeLong(string(s.getKey()));
                classDumps.writeByte(ClassInfo.OBJECT);
                classDumps.writeLong(s.getValue());
            }
            classDumps.writeShort(fields.length);
            for (Field f : fields) {
                classDumps.writeLong(string(f.name()));
                classDumps.writeByte(f.type());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        layouts.put(id, List.of(fields));
        supers.put(id, superId);
        serials.put(id, serial);
        return id;
    }

    int serialOf(long classId) {
        return serials.get(classId);
    }

    /** An id for an object written later (statics may refer to it). */
    long reserve() {
        return id();
    }

    /** An instance; {@code values} in field order, the class's own then its superclasses': Long ids, Integer, Byte. */
    long instance(long classId, Object... values) {
        return instanceAt(id(), classId, values);
    }

    long instanceAt(long id, long classId, Object... values) {
        ByteArrayOutputStream fieldBytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(fieldBytes);
        int at = 0;
        try {
            for (long k = classId; k != 0; k = supers.get(k)) {
                for (Field f : layouts.get(k)) {
                    Object value = at < values.length ? values[at] : null;
                    at++;
                    switch (f.type()) {
                        case ClassInfo.OBJECT -> out.writeLong(value == null ? 0 : (Long) value);
                        case ClassInfo.INT -> out.writeInt(value == null ? 0 : (Integer) value);
                        case ClassInfo.LONG -> out.writeLong(value == null ? 0 : (Long) value);
                        case ClassInfo.BYTE, ClassInfo.BOOLEAN -> out.writeByte(value == null ? 0 : (Byte) value);
                        default -> throw new IllegalArgumentException("type " + f.type());
                    }
                }
            }
            objects.writeByte(0x21);
            objects.writeLong(id);
            objects.writeInt(0);
            objects.writeLong(classId);
            objects.writeInt(fieldBytes.size());
            objects.write(fieldBytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    long objectArray(long arrayClassId, long... elements) {
        long id = id();
        try {
            objects.writeByte(0x22);
            objects.writeLong(id);
            objects.writeInt(0);
            objects.writeInt(elements.length);
            objects.writeLong(arrayClassId);
            for (long e : elements) {
                objects.writeLong(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    long bytes(int length) {
        return primitiveArray(ClassInfo.BYTE, new byte[length]);
    }

    private long primitiveArray(int type, byte[] data) {
        long id = id();
        try {
            objects.writeByte(0x23);
            objects.writeLong(id);
            objects.writeInt(0);
            objects.writeInt(data.length / ClassInfo.PRIMITIVE_SIZE[type]);
            objects.writeByte(type);
            objects.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    /** A {@code java.lang.String} of Latin-1 text (JDK 9+ layout). */
    long javaString(String text) {
        long value = primitiveArray(ClassInfo.BYTE, text.getBytes(StandardCharsets.ISO_8859_1));
        return instance(stringClass, value, (byte) 0);
    }

    /** A frame of {@code method} in {@code classId}: its id. */
    long frame(long classId, String method, String source, int line) {
        long id = id();
        long methodId = string(method);
        long signature = string("()V");
        long sourceId = string(source);
        try {
            record(0x04, 8 * 4 + 8);
            records.writeLong(id);
            records.writeLong(methodId);
            records.writeLong(signature);
            records.writeLong(sourceId);
            records.writeInt(serialOf(classId));
            records.writeInt(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    /** A stack trace of frames, top first, for the thread of {@code threadSerial}. */
    void trace(int serial, int threadSerial, long... frames) {
        try {
            record(0x05, 12 + 8 * frames.length);
            records.writeInt(serial);
            records.writeInt(threadSerial);
            records.writeInt(frames.length);
            for (long f : frames) {
                records.writeLong(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void rootThread(long thread, int threadSerial, int traceSerial) {
        root(0x08, thread, threadSerial, traceSerial);
    }

    void rootFrame(long object, int threadSerial, int frame) {
        root(0x03, object, threadSerial, frame);
    }

    void rootSticky(long classId) {
        try {
            roots.writeByte(0x05);
            roots.writeLong(classId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void root(int tag, long id, int a, int b) {
        try {
            roots.writeByte(tag);
            roots.writeLong(id);
            roots.writeInt(a);
            roots.writeInt(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file: header, the top-level records, one heap dump segment, the end. */
    Path write(Path file) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(all);
        out.write("JAVA PROFILE 1.0.2".getBytes(StandardCharsets.US_ASCII));
        out.writeByte(0);
        out.writeInt(8);
        out.writeLong(System.currentTimeMillis());
        out.write(top.toByteArray());
        byte[] heap = concat(classBytes.toByteArray(), objectBytes.toByteArray(), rootBytes.toByteArray());
        out.writeByte(0x1C);
        out.writeInt(0);
        out.writeInt(heap.length);
        out.write(heap);
        out.writeByte(0x2C);
        out.writeInt(0);
        out.writeInt(0);
        Files.write(file, all.toByteArray());
        return file;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
