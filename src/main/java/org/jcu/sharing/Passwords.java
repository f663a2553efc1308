package org.jcu.sharing;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password hashing of web sign-in (decision 0012): Argon2id (RFC 9106) with OWASP's minimum parameters for
 * Argon2id — 19 MiB memory, 2 iterations, parallelism 1, 16-byte salt, 32-byte hash — stored in Spring's
 * {@code {id}hash} form so that parameters or algorithms can change later: hashes of another id or with other
 * parameters still verify and are re-hashed at the next successful sign-in. {@code {bcrypt}} hashes verify too.
 *
 * <p>At most {@link #CONCURRENT_HASHES} hashes are computed at once in the process (others wait their turn): each
 * takes 19 MiB, and sign-in attempts, unknown user names included, are hashed before any account is known, so a
 * burst of requests to {@code /login} could otherwise exhaust the heap (found in a security review, 2026-12-05).
 */
final class Passwords {

    static final String ARGON2 = "argon2";

    /** Hashes computed at once: the processors, at least 2 (19 MiB each). */
    static final int CONCURRENT_HASHES = Math.max(2, Runtime.getRuntime().availableProcessors());

    private Passwords() {}

    /** A new encoder; thread-safe, reuse it. */
    static PasswordEncoder encoder() {
        PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        return bounded(
                new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, argon2, "bcrypt", new BCryptPasswordEncoder())),
                CONCURRENT_HASHES);
    }

    /** {@code delegate}, running at most {@code permits} of its calls at once (the rest wait, fairly). */
    static PasswordEncoder bounded(PasswordEncoder delegate, int permits) {
        Semaphore turns = new Semaphore(permits, true);
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return inTurn(() -> delegate.encode(raw));
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return inTurn(() -> delegate.matches(raw, encoded));
            }

            @Override
            public boolean upgradeEncoding(String encoded) {
                return delegate.upgradeEncoding(encoded); // reads the prefix only
            }

            private <T> T inTurn(Supplier<T> call) {
                turns.acquireUninterruptibly();
                try {
                    return call.get();
                } finally {
                    turns.release();
                }
            }
        };
    }
}
