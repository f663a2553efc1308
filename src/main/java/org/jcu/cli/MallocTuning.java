package org.jcu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts jcu again with glibc's malloc using transparent huge pages (decision 0022), when it runs on Linux with glibc
 * and the kernel offers them ({@code /sys/kernel/mm/transparent_hugepage/enabled} is {@code [always]} or
 * {@code [madvise]}).
 *
 * <p>SQLite's page cache is native memory from malloc: a large import grows it to gigabytes, and each 4 KiB page's first
 * touch is a page fault (19 % of the import writer's samples were in the kernel). glibc reads its tunables only at
 * process start, so the launcher runs the same command line again in a child process with
 * {@code GLIBC_TUNABLES=glibc.malloc.arena_max=1:glibc.malloc.hugetlb=1} (one malloc arena, which glibc then advises
 * the kernel to back with 2 MiB pages; with several arenas the writer's memory came from one that was not), passes
 * the terminal, standard streams and exit code through, and stops the child when it is stopped itself.
 *
 * <p>Nothing is relaunched when {@code GLIBC_TUNABLES} is already set (the operator's choice is kept, and the child
 * never relaunches), when {@code JCU_MALLOC_TUNING=off}, or when the command line cannot be read back (the JDK reads
 * {@code /proc/self/cmdline}, of which Linux gives 4 KiB: a longer command line runs unchanged).
 */
final class MallocTuning {

    static final String TUNABLES = "glibc.malloc.arena_max=1:glibc.malloc.hugetlb=1";
    static final String SWITCH = "JCU_MALLOC_TUNING";
    static final Path THP_MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    static final Path OWN_MAPS = Path.of("/proc/self/maps");

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
     */
    static Optional<List<String>> relaunchCommand(
            Map<String, String> env,
            String osName,
            String thpMode,
            boolean glibc,
            Optional<String> command,
            Optional<String[]> arguments) {
        if (env.containsKey("GLIBC_TUNABLES")
                || "off".equalsIgnoreCase(env.getOrDefault(SWITCH, ""))
                || !osName.toLowerCase(java.util.Locale.ROOT).contains("linux")
                || !glibc
                || thpMode == null
                || !(thpMode.contains("[always]") || thpMode.contains("[madvise]"))
                || command.isEmpty()
                || arguments.isEmpty()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        out.add(command.get());
        out.addAll(List.of(arguments.get()));
        return Optional.of(out);
    }

    /**
     * Relaunches this process with the tunables when {@link #relaunchCommand} says so.
     *
     * @return the child's exit code, or empty if nothing was relaunched
     */
    static Optional<Integer> relaunchIfUseful() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<List<String>> command = relaunchCommand(
                System.getenv(),
                System.getProperty("os.name", ""),
                read(THP_MODE),
                onGlibc(),
                info.command(),
                info.arguments());
        if (command.isEmpty()) {
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(command.get()).inheritIO();
        builder.environment().put("GLIBC_TUNABLES", TUNABLES);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            return Optional.empty(); // go on unchanged in this process
        }
        Thread stop = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy(); // SIGTERM: the child shuts down as it would itself
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
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
