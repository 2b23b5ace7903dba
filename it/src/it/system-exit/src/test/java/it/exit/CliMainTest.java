package it.exit;

import org.junit.jupiter.api.Test;

/** Calls the CLI's main method, which ends with System.exit(3). */
class CliMainTest {

    static void main(String[] args) {
        System.exit(3);
    }

    @Test
    void mainReportsBadArguments() {
        main(new String[] {"--bad"});
    }
}
