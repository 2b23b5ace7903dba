package dev.memprobe.recorder.samples;

import org.junit.Assert;
import org.junit.Ignore;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/** Run by the listener's test through JUnitCore; Surefire's includes do not match the name. */
public class SampleJUnit4 {

    @Test
    public void passes() {}

    @Test
    public void fails() {
        Assert.assertEquals(1, 2);
    }

    @Test
    public void outOfMemory() {
        throw new OutOfMemoryError("Java heap space");
    }

    @Ignore
    @Test
    public void ignored() {}

    /** Two members: one class in flight, the suite. */
    @RunWith(Suite.class)
    @Suite.SuiteClasses({Member.class, SampleJUnit4.class})
    public static class Together {}

    public static class Member {
        @Test
        public void member() {}
    }
}
