package dev.ser.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ser.examples.CliHarness;
import org.junit.jupiter.api.Test;

/** The command-line front; the server itself is tested in {@link SerServerTest}. */
class ServeCommandTest {
    @Test
    void helpListsTheOptions() {
        CliHarness cli = new CliHarness();
        assertEquals(0, cli.run("serve", "--help"));
        for (String option : new String[] {"--port", "--host", "--model", "--max-upload-mb", "--max-concurrent"}) {
            assertTrue(cli.out().contains(option), option);
        }
    }

    @Test
    void badLimitsAreUsageErrors() {
        CliHarness cli = new CliHarness();
        assertEquals(2, cli.run("serve", "--port", "0", "--max-upload-mb", "0"));
        assertTrue(cli.err().contains("--max-upload-mb"), cli.err());
        CliHarness cli2 = new CliHarness();
        assertEquals(2, cli2.run("serve", "--port", "0", "--max-concurrent", "0"));
    }
}
