package dev.memprobe.check;

import java.util.List;

/**
 * What the check found.
 *
 * @param offences every reason to fail, culprits first, then budgets and growth in the report's class order
 * @param notes what the check could not check, or what the reader should know; never a reason to fail
 * @param classesChecked classes the budgets and the baseline were applied to
 */
public record CheckResult(List<Offence> offences, List<String> notes, int classesChecked) {

    public CheckResult {
        offences = List.copyOf(offences);
        notes = List.copyOf(notes);
    }

    public boolean passed() {
        return offences.isEmpty();
    }
}
