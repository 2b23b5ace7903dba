package it.multi.lib;

import java.util.ArrayList;
import java.util.List;

/** Main code of the lib module: the service's tests use it, so it must be on their fork's classpath. */
public final class Catalog {

    private final List<byte[]> pages = new ArrayList<>();

    /** Loads {@code count} pages of 64 KiB each (1 MiB arrays are humongous in small G1 heaps). */
    public Catalog load(int count) {
        for (int i = 0; i < count; i++) {
            pages.add(new byte[64 * 1024]);
        }
        return this;
    }

    public int size() {
        return pages.size();
    }
}
