package org.jcu.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@code import} again with glibc's malloc on transparent huge pages (decision 0022), when it runs on Linux with
 * glibc and the kernel offers them ({@code /sys/kernel/mm/transparent_hugepage/enabled} is {@code [always]} or
 * {@code [madvise]}).
 *
 * <p>SQLite's page cache is native memory from malloc: a large import grows it to gigabytes, and each 4 KiB page's first
 * touch is a page fault (19 % of the import writer's samples were in the kernel). glibc reads its tunables only at
 * process start, so the launcher runs the same command line again in a child process with
 * {@code GLIBC_TUNABLES=glibc.malloc.arena_max=1:glibc.malloc.hugetlb=1:glibc.malloc.trim_threshold=1073741824} (one
 * malloc arena, which glibc then advises the kernel to back with 2 MiB pages — with several arenas the writer's memory
 * came from one that was not — and no trimming of the heap's top below 1 GiB free, which otherwise made every small
 * query fault huge pages in again: lookups twice as slow) and
 * {@code JCU_MALLOC_TUNING=child}, passes the terminal, standard streams and exit code through, stops the child
 * (SIGTERM) when it is stopped itself, and the child exits when its parent is gone (even after SIGKILL).
 *
 * <p>Nothing is relaunched for other commands (measured for {@code import} only; {@code serve} keeps one process for
 * process managers, debuggers and JMX), when {@code GLIBC_TUNABLES}, {@code JAVA_TOOL_OPTIONS} or
 * {@code JDK_JAVA_OPTIONS} is set, when {@code JCU_MALLOC_TUNING} is set at all ({@code off}, or {@code child} in the
 * child: never a second relaunch), when the JVM runs an agent, a flight recording, a log file, a heap-dump path or
 * JMX remote (a second JVM would contend for their ports and files), or when the command line read back does not end
 * with exactly the program's arguments (the JDK reads 4 KiB of {@code /proc/self/cmdline}).
 */
final class MallocTuning {

    static final String TUNABLES =
            "glibc.malloc.arena_max=1:glibc.malloc.hugetlb=1:glibc.malloc.trim_threshold=1073741824";
    static final String SWITCH = "JCU_MALLOC_TUNING";
    static final String CHILD = "child";
    static final Path THP_MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    static final Path OWN_MAPS = Path.of("/proc/self/maps");

    /** JVM options that hold a port, a file or an agent a second JVM must not take over. */
    private static final List<String> EXCLUSIVE_OPTIONS = List.of(
            "-agentlib", "-agentpath", "-javaagent", "StartFlightRecording", "jmxremote", "HeapDumpPath", "-Xlog");

    private MallocTuning() {}

    /**
     * The command to run again with the tunables, or empty to go on in this process.
     *
     * @param env        this process's environment
     * @param osName     {@code os.name}
     * @param thpMode    the contents of {@link #THP_MODE}, or null if unreadable
     * @param glibc      whether this process runs on glibc (its maps name {@code libc.so.6})
     * @param command    the executable of this process ({@link ProcessHandle.Info#command()})
     * @param arguments  its arguments, JVM options included ({@link ProcessHandle.Info#arguments()})
     * @param jvmOptions the JVM's input arguments ({@code RuntimeMXBean.getInputArguments()})
     * @param programArgs the arguments {@code main} received
     */
    static Optional<List<String>> relaunchCommand(
            Map<String, String> env,
            String osName,
            String thpMode,
            boolean glibc,
            Optional<String> command,
            Optional<String[]> arguments,
            List<String> jvmOptions,
            String[] programArgs) {
        if (programArgs.length == 0
                || !programArgs[0].equals("import")
                || env.containsKey("GLIBC_TUNABLES")
                || env.containsKey("JAVA_TOOL_OPTIONS")
                || env.containsKey("JDK_JAVA_OPTIONS")
                || env.containsKey(SWITCH)
                || !osName.toLowerCase(java.util.Locale.ROOT).contains("linux")
                || !glibc
                || thpMode == null
                || !(thpMode.contains("[always]") || thpMode.contains("[madvise]"))
                || jvmOptions.stream().anyMatch(o -> EXCLUSIVE_OPTIONS.stream().anyMatch(o::contains))
                || command.isEmpty()
                || arguments.isEmpty()
                || !endsWith(arguments.get(), programArgs)) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        out.add(command.get());
        out.addAll(List.of(arguments.get()));
        return Optional.of(out);
    }

    private static boolean endsWith(String[] all, String[] tail) {
        return all.length >= tail.length
                && Arrays.equals(Arrays.copyOfRange(all, all.length - tail.length, all.length), tail);
    }

    /**
     * Relaunches this process with the tunables when {@link #relaunchCommand} says so; in a relaunched child, makes it
     * exit when its parent is gone.
     *
     * @param programArgs the arguments {@code main} received
     * @return the child's exit code, or empty if nothing was relaunched
     */
    static Optional<Integer> relaunchIfUseful(String[] programArgs) {
        if (CHILD.equals(System.getenv(SWITCH))) {
            // the parent waits for us; without it (killed, even with SIGKILL) nobody would stop us
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(143)));
            return Optional.empty();
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<List<String>> command = relaunchCommand(
                System.getenv(),
                System.getProperty("os.name", ""),
                read(THP_MODE),
                onGlibc(),
                info.command(),
                info.arguments(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                programArgs);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(command.get()).inheritIO();
        builder.environment().put("GLIBC_TUNABLES", TUNABLES);
        builder.environment().put(SWITCH, CHILD);
        AtomicReference<Process> started = new AtomicReference<>();
        Thread stop = new Thread(() -> {
            Process child = started.get();
            if (child != null && child.isAlive()) {
                child.destroy(); // SIGTERM: the child shuts down as it would itself
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(stop); // before the start: no window where a stop would orphan the child
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            Runtime.getRuntime().removeShutdownHook(stop);
            return Optional.empty(); // go on unchanged in this process
        }
        started.set(child);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return Optional.of(child.waitFor());
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting: the child owns the work
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // shutting down already: the hook stops and waits for the child
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean onGlibc() {
        String maps = read(OWN_MAPS);
        return maps != null && maps.contains("/libc.so.6");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
