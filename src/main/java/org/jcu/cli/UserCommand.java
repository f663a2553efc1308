package org.jcu.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jcu.sharing.WebAccounts;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sign-in credentials of user accounts; {@code set-password} is a subcommand of {@code jcu user} ({@link DirectoryCommands.User}). */
final class UserCommand {

    /** {@code jcu user set-password USERNAME}: the web sign-in password, never taken from the command line. */
    @Command(
            name = "set-password",
            mixinStandardHelpOptions = true,
            description = {
                "Set the web sign-in password of an existing user (stored as an Argon2id hash) and lift a lock-out.",
                "The password is the first line of --password-file, or of standard input; at a terminal it is asked",
                "twice without echo. It is never taken from the command line. At least "
                        + WebAccounts.MIN_PASSWORD_LENGTH + " characters."
            })
    static final class SetPassword implements Callable<Integer> {

        @Parameters(paramLabel = "USERNAME", description = "The user, e.g. admin.")
        String username;

        @Mixin
        DataOptions data = new DataOptions();

        @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the password.")
        Path passwordFile;

        @Override
        public Integer call() throws IOException {
            String password = readPassword();
            if (password == null) {
                return 2;
            }
            if (password.length() < WebAccounts.MIN_PASSWORD_LENGTH
                    || password.length() > WebAccounts.MAX_PASSWORD_LENGTH) {
                System.err.println("jcu user set-password: a password must have " + WebAccounts.MIN_PASSWORD_LENGTH
                        + " to " + WebAccounts.MAX_PASSWORD_LENGTH + " characters, got " + password.length());
                return 2;
            }
            try (ConfigurableApplicationContext context = SpringRunner.offline(data.springProperties())) {
                context.getBean(WebAccounts.class).setPassword(username, password);
            } catch (IllegalArgumentException e) {
                System.err.println("jcu user set-password: " + e.getMessage());
                return 2;
            }
            System.out.println("Web sign-in password of '" + username + "' set.");
            return 0;
        }

        /** The password, or null after printing why there is none. */
        private String readPassword() throws IOException {
            if (passwordFile != null) {
                if (!Files.isReadable(passwordFile)) {
                    System.err.println("jcu user set-password: cannot read " + passwordFile + ": "
                            + ImportCommand.whyUnreadable(passwordFile));
                    return null;
                }
                return firstLine(Files.readString(passwordFile, StandardCharsets.UTF_8));
            }
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("New password for %s: ", username);
                char[] second = console.readPassword("Again: ");
                try {
                    if (first == null || second == null || !Arrays.equals(first, second)) {
                        System.err.println("jcu user set-password: the two passwords differ");
                        return null;
                    }
                    return new String(first);
                } finally {
                    if (first != null) {
                        Arrays.fill(first, ' ');
                    }
                    if (second != null) {
                        Arrays.fill(second, ' ');
                    }
                }
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) {
                System.err.println("jcu user set-password: no password on standard input (or use --password-file)");
                return null;
            }
            return line;
        }

        private static String firstLine(String text) {
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
    }

    /** {@code jcu user reset-second-factor USERNAME}: forget a lost or stolen authenticator. */
    @Command(
            name = "reset-second-factor",
            mixinStandardHelpOptions = true,
            description = {
                "Forget the TOTP key of a user (a lost or stolen authenticator). If the user's organisation requires a",
                "second factor, the user enrols a new one at the next web sign-in. Recorded in the audit log."
            })
    static final class ResetSecondFactor implements Callable<Integer> {

        @Parameters(paramLabel = "USERNAME", description = "The user, e.g. alice.")
        String username;

        @Mixin
        DataOptions data = new DataOptions();

        @Override
        public Integer call() throws IOException {
            boolean had;
            try (ConfigurableApplicationContext context = SpringRunner.offline(data.springProperties())) {
                had = context.getBean(WebAccounts.class).resetSecondFactor(username, "jcu user reset-second-factor");
            } catch (IllegalArgumentException e) {
                System.err.println("jcu user reset-second-factor: " + e.getMessage());
                return 2;
            }
            System.out.println(
                    had
                            ? "Second factor of '" + username + "' reset: a new one is enrolled at the next sign-in."
                            : "'" + username + "' had no second factor; nothing changed.");
            return 0;
        }
    }
}
