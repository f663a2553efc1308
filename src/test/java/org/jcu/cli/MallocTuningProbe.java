package org.jcu.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A main for {@link MallocTuningTest}: relaunches like {@link JcuCli#main}, then reports what the child saw; with
 * {@code wait} as its last argument it prints its process id and sleeps instead.
 */
public final class MallocTuningProbe {

    private MallocTuningProbe() {}

    public static void main(String[] args) throws Exception {
        java.util.Optional<Integer> relaunched = MallocTuning.relaunchIfUseful(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        if (args[args.length - 1].equals("wait")) {
            System.out.println("pid=" + ProcessHandle.current().pid());
            System.out.flush();
            Thread.sleep(60_000);
            System.exit(9);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        System.out.println("tunables=" + System.getenv("GLIBC_TUNABLES") + " marker="
                + System.getenv("JCU_MALLOC_TUNING") + " args=" + String.join(",", args) + " stdin=" + line);
        System.exit(7);
    }
}
