package dev.memprobe.provider;

/**
 * A little memory kept aside and freed when memory runs out (a trick of randomizedtesting), so that the last
 * journal lines can still be written; taken again once there is room.
 */
public final class MemoryReserve {

    /**
     * 1 MiB in 64 KiB chunks: a single 1 MiB array is humongous in a G1 heap under 8 GiB and takes two whole regions
     * (2 MiB of a 256 MiB heap, for as long as the fork lives); chunks this size are ordinary objects.
     */
    private static final int CHUNKS = 16;

    private static final int CHUNK_BYTES = 64 * 1024;

    private volatile byte[][] chunks = newChunks();

    /** Frees the memory kept for the last lines. */
    public void release() {
        chunks = null;
    }

    /** Takes the memory for the last lines again, if there is room. */
    public void restore() {
        try {
            if (chunks == null) {
                chunks = newChunks();
            }
        } catch (OutOfMemoryError e) {
            // still no room: try again at the next event
        }
    }

    /** The reserve: no chunk as large as half of G1's smallest region (1 MiB), so none is humongous. */
    static byte[][] newChunks() {
        byte[][] chunks = new byte[CHUNKS][];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = new byte[CHUNK_BYTES];
        }
        return chunks;
    }
}
