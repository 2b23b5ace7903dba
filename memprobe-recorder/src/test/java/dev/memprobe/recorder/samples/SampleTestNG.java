package dev.memprobe.recorder.samples;

import org.testng.Assert;
import org.testng.annotations.Test;

/** Run by the listener's test through TestNG; Surefire's includes do not match the name. */
public class SampleTestNG {

    @Test
    public void passes() {}

    @Test
    public void fails() {
        Assert.assertEquals(1, 2);
    }
}
