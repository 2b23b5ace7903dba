package dev.memprobe.retain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Small heaps of known shape, written as hprof files, for the analyser's tests. */
final class Heaps {

    final HprofBuilder b = new HprofBuilder();
    final long hashMap = b.type(
            "java.util.HashMap",
            b.objectClass,
            0,
            new HprofBuilder.Field("table", ClassInfo.OBJECT),
            new HprofBuilder.Field("size", ClassInfo.INT));
    final long node = b.type(
            "java.util.HashMap$Node",
            b.objectClass,
            0,
            new HprofBuilder.Field("key", ClassInfo.OBJECT),
            new HprofBuilder.Field("value", ClassInfo.OBJECT),
            new HprofBuilder.Field("next", ClassInfo.OBJECT));
    final long nodeArray = b.type("[Ljava/util/HashMap$Node;", b.objectClass, 0);
    final long arrayList = b.type(
            "java.util.ArrayList",
            b.objectClass,
            0,
            new HprofBuilder.Field("elementData", ClassInfo.OBJECT),
            new HprofBuilder.Field("size", ClassInfo.INT));

    /** A HashMap of {@code entries} String keys to byte arrays of {@code bytes}. */
    long map(int entries, int bytes) {
        long[] nodes = new long[entries];
        for (int i = 0; i < entries; i++) {
            long key = b.javaString("key-" + i);
            nodes[i] = b.instance(node, key, b.bytes(bytes), null);
        }
        long table = b.objectArray(nodeArray, nodes);
        return b.instance(hashMap, table, entries);
    }

    /** An ArrayList of {@code entries} byte arrays of {@code bytes}. */
    long list(int entries, int bytes) {
        long[] elements = new long[entries];
        for (int i = 0; i < entries; i++) {
            elements[i] = b.bytes(bytes);
        }
        return b.instance(arrayList, b.objectArray(b.objectArrayClass, elements), entries);
    }

    /** A boot class {@code name} whose static {@code field} refers to {@code value}, kept by a sticky-class root. */
    long holder(String name, String field, long value) {
        long type = b.type(name, b.objectClass, 0, Map.of(field, value));
        b.rootSticky(type);
        return type;
    }

    /** A thread object named {@code name}, its stack of one frame {@code method} in {@code type}, with its root. */
    int thread(String name, int serial, long type, String method, String source, int line) {
        long thread = b.instance(b.threadClass, b.javaString(name), null);
        long frame = b.frame(type, method, source, line);
        b.trace(serial, serial, frame);
        b.rootThread(thread, serial, serial);
        return serial;
    }

    Path write(Path file) throws IOException {
        return b.write(file);
    }
}
