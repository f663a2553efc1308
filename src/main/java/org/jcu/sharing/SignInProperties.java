package org.jcu.sharing;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web sign-in settings ({@code jcu.sign-in.*}; environment {@code JCU_SIGNIN_*}), validated at start-up.
 *
 * @param maxFailures consecutive failed sign-ins (wrong password or wrong second-factor code) that lock an account;
 *     at least 1, default 5
 * @param lockDuration how long a locked account refuses every sign-in, default 15 minutes (e.g. {@code 15m})
 * @param totpIssuer issuer shown by authenticator apps in front of the user name ({@code otpauth://} label)
 * @param secretKey base64 of the 256-bit AES key that seals TOTP secrets at rest ({@code JCU_SIGNIN_SECRETKEY}); every
 *     node of one database needs the same key. Unset: a key file {@code sign-in.key} in the data directory, created
 *     on first use.
 */
@ConfigurationProperties("jcu.sign-in")
record SignInProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("jcu") String totpIssuer,
        @Nullable String secretKey) {

    SignInProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("jcu.sign-in.max-failures must be at least 1, got " + maxFailures);
        }
        if (lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("jcu.sign-in.lock-duration must be positive, got " + lockDuration);
        }
        if (totpIssuer.isBlank() || totpIssuer.contains(":")) {
            throw new IllegalArgumentException("jcu.sign-in.totp-issuer must be non-blank and without ':'");
        }
    }
}
