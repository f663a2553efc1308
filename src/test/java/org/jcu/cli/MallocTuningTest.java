package org.jcu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link MallocTuning} (decision 0022): when {@code import} runs again with the glibc tunables, and — with real second
 * JVMs — that a relaunched child gets them, its arguments and standard input, passes its exit code on, and exits when
 * its parent is killed.
 */
class MallocTuningTest {

    private static final Optional<String> JAVA = Optional.of("/usr/bin/java");
    private static final String[] IMPORT = {"import", "-q", "bundle.json"};
    private static final Optional<String[]> ARGS =
            Optional.of(new String[] {"-Xmx256m", "-jar", "jcu.jar", "import", "-q", "bundle.json"});
    private static final String MADVISE = "always [madvise] never\n";

    private static Optional<List<String>> decide(
            Map<String, String> env, String thp, Optional<String[]> arguments, List<String> jvm, String... args) {
        return MallocTuning.relaunchCommand(env, "Linux", thp, true, JAVA, arguments, jvm, args);
    }

    @Test
    void relaunchesAnImportOnLinuxWithGlibcAndHugePagesOnOffer() {
        assertThat(decide(Map.of(), MADVISE, ARGS, List.of("-Xmx256m"), IMPORT))
                .contains(List.of("/usr/bin/java", "-Xmx256m", "-jar", "jcu.jar", "import", "-q", "bundle.json"));
        assertThat(decide(Map.of(), "[always] madvise never", ARGS, List.of(), IMPORT))
                .isPresent();
    }

    @Test
    void staysWhereTheTuningCannotHelpOrWasDecidedElsewhere() {
        assertThat(decide(
                        Map.of(), MADVISE, Optional.of(new String[] {"-jar", "jcu.jar", "serve"}), List.of(), "serve"))
                .as("only import")
                .isEmpty();
        assertThat(decide(Map.of("GLIBC_TUNABLES", "glibc.malloc.arena_max=4"), MADVISE, ARGS, List.of(), IMPORT))
                .as("an operator's tunables")
                .isEmpty();
        assertThat(decide(Map.of("JCU_MALLOC_TUNING", "child"), MADVISE, ARGS, List.of(), IMPORT))
                .as("the child, even where glibc dropped GLIBC_TUNABLES")
                .isEmpty();
        assertThat(decide(Map.of("JCU_MALLOC_TUNING", "off"), MADVISE, ARGS, List.of(), IMPORT))
                .isEmpty();
        assertThat(decide(Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"), MADVISE, ARGS, List.of(), IMPORT))
                .isEmpty();
        assertThat(decide(Map.of("JDK_JAVA_OPTIONS", "-Xmx1g"), MADVISE, ARGS, List.of(), IMPORT))
                .isEmpty();
        for (String option : List.of(
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                "-javaagent:/opt/agent.jar",
                "-XX:StartFlightRecording=filename=x.jfr",
                "-Dcom.sun.management.jmxremote.port=9010",
                "-XX:HeapDumpPath=/tmp",
                "-Xlog:gc:file=gc.log")) {
            assertThat(decide(Map.of(), MADVISE, ARGS, List.of(option), IMPORT))
                    .as(option)
                    .isEmpty();
        }
        assertThat(decide(Map.of(), "always madvise [never]", ARGS, List.of(), IMPORT))
                .isEmpty();
        assertThat(decide(Map.of(), null, ARGS, List.of(), IMPORT)).isEmpty();
        assertThat(MallocTuning.relaunchCommand(Map.of(), "Linux", MADVISE, false, JAVA, ARGS, List.of(), IMPORT))
                .as("musl")
                .isEmpty();
        assertThat(MallocTuning.relaunchCommand(Map.of(), "Mac OS X", MADVISE, true, JAVA, ARGS, List.of(), IMPORT))
                .isEmpty();
        assertThat(decide(Map.of(), MADVISE, Optional.empty(), List.of(), IMPORT))
                .isEmpty();
        assertThat(decide(
                        Map.of(),
                        MADVISE,
                        Optional.of(new String[] {"-jar", "jcu.jar", "import", "-q"}),
                        List.of(),
                        IMPORT))
                .as("a command line read back cut short")
                .isEmpty();
    }

    @Test
    void aRelaunchedChildGetsTheTunablesItsArgumentsAndStdinAndItsExitCodeIsPassedOn() throws Exception {
        boolean tuned = tuningOffered();

        Result relaunched = probe(Map.of(), "import", "a b", "c");
        Result off = probe(Map.of("JCU_MALLOC_TUNING", "off"), "import", "a b", "c");
        Result other = probe(Map.of(), "serve");

        assertThat(relaunched.exitCode()).isEqualTo(7);
        assertThat(relaunched.output())
                .contains("args=import,a b,c")
                .contains("stdin=line from the parent's stdin")
                .contains("tunables=" + (tuned ? MallocTuning.TUNABLES : "null"))
                .contains("marker=" + (tuned ? "child" : "null"));
        assertThat(off.exitCode()).isEqualTo(7);
        assertThat(off.output()).contains("tunables=null");
        assertThat(other.output()).contains("tunables=null");
    }

    @Test
    void aChildWhoseParentIsKilledExits() throws Exception {
        if (!tuningOffered()) {
            // no relaunch on this system: the parent is the process itself (checked by the test above)
            assertThat(probe(Map.of(), "import", "x").output()).contains("tunables=null");
            return;
        }
        Process parent = start(Map.of(), "import", "wait");
        BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).startsWith("pid=");
        long childPid = Long.parseLong(line.substring(4));
        assertThat(childPid).isNotEqualTo(parent.pid());
        ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();

        parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent

        assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(child.onExit().get(20, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    private static boolean tuningOffered() throws IOException {
        String thp = Files.exists(MallocTuning.THP_MODE) ? Files.readString(MallocTuning.THP_MODE) : "";
        return (thp.contains("[always]") || thp.contains("[madvise]"))
                && Files.exists(MallocTuning.OWN_MAPS)
                && Files.readString(MallocTuning.OWN_MAPS).contains("/libc.so.6")
                && System.getProperty("os.name")
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("linux");
    }

    private record Result(int exitCode, String output) {}

    private static Result probe(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        Process process = start(extraEnv, args);
        process.getOutputStream().write("line from the parent's stdin\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static Process start(Map<String, String> extraEnv, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                MallocTuningProbe.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        // the class path through the environment: Linux lets a process read back only 4 KiB of its command line, and
        // a longer one is never relaunched
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        for (String name : List.of("GLIBC_TUNABLES", "JCU_MALLOC_TUNING", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            builder.environment().remove(name);
        }
        builder.environment().putAll(extraEnv);
        builder.redirectErrorStream(true);
        return builder.start();
    }
}
