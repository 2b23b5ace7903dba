package it.plugindep;

public class SecondCheckTest {

    public static void checkAllocation() {
        byte[][] chunks = new byte[16][];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = new byte[1 << 20];
        }
        if (chunks[15].length != 1 << 20) {
            throw new AssertionError("chunk");
        }
    }
}
