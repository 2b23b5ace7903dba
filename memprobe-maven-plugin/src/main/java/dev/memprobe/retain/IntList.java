package dev.memprobe.retain;

import java.util.Arrays;

/** A growable list of ints without boxing: the analyser keeps a few numbers per object of a dump of millions. */
final class IntList {

    private int[] values;
    private int size;

    IntList(int capacity) {
        values = new int[Math.max(16, capacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, size + (long) size / 2)));
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    void set(int index, int value) {
        values[index] = value;
    }

    int size() {
        return size;
    }

    /** The values, in an array of exactly {@code size() + extra} elements (the extra ones zero). */
    int[] toArray(int extra) {
        int[] result = values.length == size + extra ? values : Arrays.copyOf(values, size + extra);
        values = null;
        return result;
    }
}
