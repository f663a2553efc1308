package org.jcu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jcu.sharing.Directory;
import org.jcu.sharing.UserRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** {@code jcu user set-password} offline on a temporary data directory (embedded SQLite). */
class UserCommandTest {

    @TempDir
    Path tmp;

    @Test
    void setsThePasswordFromStandardInputOrAFileButNeverFromTheCommandLine() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        try (ConfigurableApplicationContext context = SpringRunner.offline(Map.of("jcu.data-dir", data.toString()))) {
            Directory directory = context.getBean(Directory.class);
            directory.createUser("alice", directory.platformOrganization().id(), UserRole.ANALYST);
        }

        Cli.Result onTheCommandLine =
                Cli.run("user", "set-password", "alice", "a password on the command line", "--data", data.toString());
        assertThat(onTheCommandLine.exitCode()).as(onTheCommandLine.toString()).isEqualTo(2);

        Path tooShort = write("short.txt", "short\n");
        Cli.Result weak = Cli.run(
                "user", "set-password", "alice", "--data", data.toString(), "--password-file", tooShort.toString());
        assertThat(weak.exitCode()).as(weak.toString()).isEqualTo(2);
        assertThat(weak.err()).contains("12 to 512 characters, got 5");

        Cli.Result fromStdin = withStdin(
                "first password from stdin\nignored second line\n",
                () -> Cli.run("user", "set-password", "alice", "--data", data.toString()));
        assertThat(fromStdin.exitCode()).as(fromStdin.toString()).isZero();
        assertThat(fromStdin.out()).contains("password of 'alice' set").doesNotContain("first password");
        assertThat(storedHash(data))
                .satisfies(hash ->
                        assertThat(matches("first password from stdin", hash)).isTrue());

        Path file = write("password.txt", "second password from a file\r\n");
        Cli.Result unknown = Cli.run(
                "user", "set-password", "nobody", "--data", data.toString(), "--password-file", file.toString());
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("no user named 'nobody'");

        Cli.Result fromFile =
                Cli.run("user", "set-password", "alice", "--data", data.toString(), "--password-file", file.toString());
        assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
        String hash = storedHash(data);
        assertThat(hash).startsWith("{argon2}$argon2id$");
        assertThat(matches("second password from a file", hash)).isTrue();
        assertThat(matches("first password from stdin", hash)).isFalse();
    }

    private static boolean matches(String password, String hash) {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()
                .matches(password, hash.substring("{argon2}".length()));
    }

    private static String storedHash(Path data) {
        try (ConfigurableApplicationContext context = SpringRunner.offline(Map.of("jcu.data-dir", data.toString()))) {
            return context.getBean(JdbcTemplate.class)
                    .queryForObject(
                            "SELECT c.password_hash FROM user_credential c JOIN app_user u ON u.id = c.user_id"
                                    + " WHERE u.username = 'alice'",
                            String.class);
        }
    }

    private static Cli.Result withStdin(String input, java.util.function.Supplier<Cli.Result> command) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return command.get();
        } finally {
            System.setIn(original);
        }
    }

    private Path write(String name, String content) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
