package org.jcu.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code jcu}.
 *
 * <p>Exit codes (all commands): 0 success; 1 runtime failure (I/O, database, server unreachable); 2 usage error;
 * 3 import finished but objects were rejected (with {@code --partial}: the valid ones were kept; without it: nothing
 * was written); 4 malformed or truncated input (nothing written); 5 authentication or permission refused by the
 * server; 6 {@code audit verify} found the audit log broken (tampered with).
 */
@Command(
        name = "jcu",
        mixinStandardHelpOptions = true,
        versionProvider = JcuCli.Version.class,
        description = "Joint Cyber Unit platform: STIX 2.1 intelligence store with TAXII 2.1.",
        subcommands = {
            ServeCommand.class,
            ImportCommand.class,
            StatsCommand.class,
            DirectoryCommands.Org.class,
            DirectoryCommands.User.class,
            DirectoryCommands.Token.class,
            DirectoryCommands.Community.class,
            DirectoryCommands.Mou.class,
            DirectoryCommands.SharingGroup.class,
            AuditCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:runtime failure (I/O, database, server unreachable)",
            "2:usage error",
            "3:objects were rejected",
            "4:malformed or truncated input, nothing written",
            "5:authentication or permission refused",
            "6:audit log verification failed (tampering detected)"
        })
public final class JcuCli {

    /** Exit code: objects rejected. */
    public static final int EXIT_REJECTED = 3;
    /** Exit code: malformed input. */
    public static final int EXIT_MALFORMED = 4;
    /** Exit code: authentication refused. */
    public static final int EXIT_AUTH = 5;
    /** Exit code: {@code audit verify} found the audit log broken. */
    public static final int EXIT_AUDIT_BROKEN = 6;

    private JcuCli() {}

    /**
     * Runs the command line; exits the JVM except after {@code serve}, which keeps the server running. On Linux with
     * glibc and transparent huge pages, {@code import} runs in a child process with malloc tuned
     * ({@link MallocTuning}, decision 0022) and this process passes its exit code on.
     */
    public static void main(String[] args) {
        java.util.Optional<Integer> relaunched = MallocTuning.relaunchIfUseful(args); // decision 0022
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        CommandLine commandLine = commandLine();
        int code = commandLine.execute(args);
        if (!(commandLine.getParseResult() != null
                && commandLine.getParseResult().subcommand() != null
                && "serve"
                        .equals(commandLine
                                .getParseResult()
                                .subcommand()
                                .commandSpec()
                                .name())
                && code == 0)) {
            System.exit(code);
        }
    }

    /** A configured picocli command line (used by {@link #main} and tests). */
    public static CommandLine commandLine() {
        return new CommandLine(new JcuCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    if (exception instanceof UsageException) {
                        commandLine
                                .getErr()
                                .println(commandLine.getCommandSpec().qualifiedName() + ": " + exception.getMessage());
                        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
                    }
                    if (exception instanceof SpringRunner.StartupException) {
                        // the application could not start (settings, database, key or anchor files): Spring has
                        // logged its failure analysis where it has one; the cause is what the operator acts on
                        commandLine
                                .getErr()
                                .println(commandLine.getCommandSpec().qualifiedName() + ": cannot start: "
                                        + startupCause(exception) + " (JCU_CLI_TRACE=1 for the stack trace)");
                        if ("1".equals(System.getenv("JCU_CLI_TRACE"))) {
                            exception.printStackTrace(commandLine.getErr());
                        }
                        return 1;
                    }
                    throw exception;
                });
    }

    /**
     * The message of the innermost cause of a failed start, e.g. "the audit anchor … belongs to another database …"
     * or "Failed to bind properties under 'jcu' …"; the exception's own message if no cause has one.
     */
    static String startupCause(Throwable exception) {
        String message = exception.getMessage();
        java.util.Set<Throwable> seen = new java.util.HashSet<>();
        for (Throwable t = exception; t != null && seen.add(t); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null
                ? exception.toString()
                : message.lines().findFirst().orElse(message);
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = JcuCli.class.getPackage().getImplementationVersion();
            return new String[] {"jcu " + (version == null ? "(development)" : version)};
        }
    }
}
