package it.hostile;

import it.hostile.engine.Scenarios;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hog: its second scenario holds 256 MiB (dies under -Xmx128m) and has the most hostile name of all. */
class ÄrgerSzenarienTest implements Scenarios {

    /** Markup, quotes, Markdown and shell characters, runs of spaces, non-ASCII, and a line that looks like a command. */
    static final String HOSTILE = "<script>alert(1)</script> \"double\" 'single' & `tick` ``two`` | pipe  two  spaces"
            + " $(id) ü 测试\n::error title=injected::by a test name";

    @Override
    public Map<String, Runnable> scenarios() {
        Map<String, Runnable> scenarios = new LinkedHashMap<>();
        scenarios.put("<i>harmless</i> & fine", () -> {});
        scenarios.put(HOSTILE, () -> {
            List<byte[]> blöcke = new ArrayList<>();
            for (int i = 0; i < 4096; i++) { // 256 MiB in 64 KiB chunks
                blöcke.add(new byte[64 * 1024]);
            }
            if (blöcke.size() != 4096) {
                throw new AssertionError(blöcke.size());
            }
        });
        return scenarios;
    }
}
