package org.jcu.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A main for {@link MallocTuningTest}: relaunches like {@link JcuCli#main}, then reports what the child saw. */
public final class MallocTuningProbe {

    private MallocTuningProbe() {}

    public static void main(String[] args) throws Exception {
        java.util.Optional<Integer> relaunched = MallocTuning.relaunchIfUseful();
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        System.out.println(
                "tunables=" + System.getenv("GLIBC_TUNABLES") + " args=" + String.join(",", args) + " stdin=" + line);
        System.exit(7);
    }
}
