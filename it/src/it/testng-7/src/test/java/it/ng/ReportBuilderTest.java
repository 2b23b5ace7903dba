package it.ng;

import static org.testng.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/** A TestNG hog: 256 MiB at once. */
public class ReportBuilderTest {

    @Test
    public void buildsTheWholeReport() {
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            pages.add(new byte[64 * 1024]);
        }
        assertEquals(pages.size(), 4096);
    }
}
