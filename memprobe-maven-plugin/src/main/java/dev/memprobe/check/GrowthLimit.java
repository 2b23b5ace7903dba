package dev.memprobe.check;

import dev.memprobe.units.Size;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much a class's live heap may grow against the baseline report: a class regresses when it grew by more than
 * {@code percent} <em>and</em> by more than {@code floorBytes}. The floor keeps small classes, whose live heap moves
 * by a few MiB with the collector's timing, from tripping the percentage.
 */
public record GrowthLimit(int percent, long floorBytes) {

    public static final String DEFAULT_PERCENT = "25%";
    public static final String DEFAULT_FLOOR = "32m";

    private static final Pattern PERCENT = Pattern.compile("\\s*(\\d{1,6})\\s*%?\\s*");

    public GrowthLimit {
        if (percent < 0 || floorBytes < 0) {
            throw new IllegalArgumentException("growth limits are not negative");
        }
    }

    /**
     * Parses {@code memprobe.maxGrowth} ({@code 25%} or {@code 25}) and {@code memprobe.growthFloor} (a size, or {@code 0}).
     *
     * @throws IllegalArgumentException naming the parameter, the value and the fix
     */
    public static GrowthLimit parse(String maxGrowth, String growthFloor) {
        Matcher m = PERCENT.matcher(maxGrowth == null ? "" : maxGrowth);
        if (!m.matches()) {
            throw new IllegalArgumentException("memprobe.maxGrowth=" + maxGrowth + " is not a percentage: write a"
                    + " whole number of percent, e.g. 25%");
        }
        long floor = growthFloor != null && growthFloor.trim().equals("0")
                ? 0
                : Size.parse("memprobe.growthFloor", growthFloor);
        return new GrowthLimit(Integer.parseInt(m.group(1)), floor);
    }

    /** Whether going from {@code before} to {@code now} bytes breaks the limit; unmeasured values never do. */
    public boolean exceeded(long before, long now) {
        if (before < 0 || now < 0) {
            return false;
        }
        long growth = now - before;
        return growth > floorBytes && growth * 100 > before * (long) percent;
    }

    /** "+25% and more than 32 MiB". */
    public String describe() {
        return "+" + percent + "% and more than " + Size.format(floorBytes);
    }
}
