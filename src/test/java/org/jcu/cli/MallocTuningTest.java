package org.jcu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link MallocTuning} (decision 0022): when the command runs again with the glibc tunables, and that a relaunched
 * child gets them, the arguments, standard input and its exit code passed through — with a real second JVM.
 */
class MallocTuningTest {

    private static final Optional<String> JAVA = Optional.of("/usr/bin/java");
    private static final Optional<String[]> ARGS = Optional.of(new String[] {"-Xmx256m", "-jar", "jcu.jar", "serve"});
    private static final String MADVISE = "always [madvise] never\n";

    @Test
    void relaunchesOnLinuxWithGlibcAndHugePagesOnOffer() {
        assertThat(MallocTuning.relaunchCommand(Map.of(), "Linux", MADVISE, true, JAVA, ARGS))
                .contains(List.of("/usr/bin/java", "-Xmx256m", "-jar", "jcu.jar", "serve"));
        assertThat(MallocTuning.relaunchCommand(Map.of(), "Linux", "[always] madvise never", true, JAVA, ARGS))
                .isPresent();
    }

    @Test
    void staysWhereTheTuningCannotHelpOrWasDecidedElsewhere() {
        assertThat(MallocTuning.relaunchCommand(
                        Map.of("GLIBC_TUNABLES", "glibc.malloc.arena_max=4"), "Linux", MADVISE, true, JAVA, ARGS))
                .as("an operator's tunables, and the child itself")
                .isEmpty();
        assertThat(MallocTuning.relaunchCommand(Map.of("JCU_MALLOC_TUNING", "OFF"), "Linux", MADVISE, true, JAVA, ARGS))
                .isEmpty();
        assertThat(MallocTuning.relaunchCommand(Map.of(), "Linux", "always madvise [never]", true, JAVA, ARGS))
                .isEmpty();
        assertThat(MallocTuning.relaunchCommand(Map.of(), "Linux", null, true, JAVA, ARGS))
                .isEmpty();
        assertThat(MallocTuning.relaunchCommand(Map.of(), "Linux", MADVISE, false, JAVA, ARGS))
                .as("musl")
                .isEmpty();
        assertThat(MallocTuning.relaunchCommand(Map.of(), "Mac OS X", MADVISE, true, JAVA, ARGS))
                .isEmpty();
        assertThat(MallocTuning.relaunchCommand(Map.of(), "Linux", MADVISE, true, Optional.empty(), ARGS))
                .isEmpty();
        assertThat(MallocTuning.relaunchCommand(Map.of(), "Linux", MADVISE, true, JAVA, Optional.empty()))
                .isEmpty();
    }

    @Test
    void aRelaunchedChildGetsTheTunablesItsArgumentsAndStdinAndItsExitCodeIsPassedOn() throws Exception {
        String thp = Files.exists(MallocTuning.THP_MODE) ? Files.readString(MallocTuning.THP_MODE) : "";
        boolean offered = thp.contains("[always]") || thp.contains("[madvise]");
        boolean glibc = Files.exists(MallocTuning.OWN_MAPS)
                && Files.readString(MallocTuning.OWN_MAPS).contains("/libc.so.6");

        Result tuned = probe(Map.of());
        Result off = probe(Map.of("JCU_MALLOC_TUNING", "off"));

        assertThat(tuned.exitCode()).isEqualTo(7);
        assertThat(tuned.output())
                .contains("args=a b,c")
                .contains("stdin=line from the parent's stdin")
                .contains("tunables=" + (offered && glibc ? MallocTuning.TUNABLES : "null"));
        assertThat(off.exitCode()).isEqualTo(7);
        assertThat(off.output()).contains("tunables=null");
    }

    private record Result(int exitCode, String output) {}

    private static Result probe(Map<String, String> extraEnv) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder =
                new ProcessBuilder(java.toString(), "-Xmx64m", MallocTuningProbe.class.getName(), "a b", "c");
        // the class path through the environment: Linux lets a process read back only 4 KiB of its command line, and
        // a longer one is never relaunched
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().remove("GLIBC_TUNABLES");
        builder.environment().remove("JCU_MALLOC_TUNING");
        builder.environment().putAll(extraEnv);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().write("line from the parent's stdin\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
