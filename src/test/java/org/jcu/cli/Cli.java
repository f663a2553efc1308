package org.jcu.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code jcu} in-process through {@link JcuCli#commandLine()} (never {@link JcuCli#main}, which exits the JVM)
 * and captures everything it prints: picocli's own writers and {@code System.out}/{@code System.err}, which the
 * commands use for their summaries. Not thread-safe: it swaps the JVM-wide standard streams while a command runs.
 */
final class Cli {

    /** What one invocation returned and printed. */
    record Result(int exitCode, String out, String err) {

        /** Lines {@code <type> <count>} of {@code jcu stats} (including {@code total}), in printed order. */
        Map<String, Long> statsCounts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String line : out.split("\\R")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[1].matches("\\d+")) {
                    counts.put(parts[0], Long.parseLong(parts[1]));
                }
            }
            return counts;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }

    private Cli() {}

    static Result run(String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        int exitCode;
        System.setOut(out);
        System.setErr(err);
        try {
            CommandLine commandLine = JcuCli.commandLine();
            commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
            commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
            exitCode = commandLine.execute(args);
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
        Result result = new Result(
                exitCode, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        systemOut.println("jcu " + String.join(" ", args) + " -> " + result);
        return result;
    }
}
