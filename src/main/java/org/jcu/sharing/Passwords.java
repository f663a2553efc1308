package org.jcu.sharing;

import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password hashing of web sign-in (decision 0012): Argon2id (RFC 9106) with OWASP's minimum parameters for
 * Argon2id — 19 MiB memory, 2 iterations, parallelism 1, 16-byte salt, 32-byte hash — stored in Spring's
 * {@code {id}hash} form so that parameters or algorithms can change later: hashes of another id or with other
 * parameters still verify and are re-hashed at the next successful sign-in. {@code {bcrypt}} hashes verify too.
 */
final class Passwords {

    static final String ARGON2 = "argon2";

    private Passwords() {}

    /** A new encoder; thread-safe, reuse it. */
    static PasswordEncoder encoder() {
        PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        return new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, argon2, "bcrypt", new BCryptPasswordEncoder()));
    }
}
