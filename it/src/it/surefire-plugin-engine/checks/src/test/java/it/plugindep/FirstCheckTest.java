package it.plugindep;

/** Run by the engine declared on Surefire's plugin: every public static method named check*. */
public class FirstCheckTest {

    public static void checkSums() {
        long sum = 0;
        for (int i = 1; i <= 1000; i++) {
            sum += i;
        }
        if (sum != 500_500) {
            throw new AssertionError("sum " + sum);
        }
    }

    public static void checkStrings() {
        if (!"memprobe".toUpperCase().equals("MEMPROBE")) {
            throw new AssertionError("upper case");
        }
    }
}
