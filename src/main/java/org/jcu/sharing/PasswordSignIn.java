package org.jcu.sharing;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Form sign-in with user name and password against {@link WebAccounts#checkPassword} (Argon2id, lock-out). Every
 * failure — unknown user, no password set, wrong password, locked account — is the same
 * {@link BadCredentialsException}, so the page cannot tell them apart. Success gives a
 * {@link UsernamePasswordAuthenticationToken} whose principal is the {@link JcuPrincipal}, with authorities
 * {@code ROLE_<role>} and {@code FACTOR_PASSWORD}.
 *
 * <p>Thread-safety: stateless.
 */
final class PasswordSignIn implements AuthenticationProvider {

    private final WebAccounts accounts;

    PasswordSignIn(WebAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        JcuPrincipal user = accounts.checkPassword(username, password)
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        return UsernamePasswordAuthenticationToken.authenticated(
                user,
                null,
                List.of(
                        new SimpleGrantedAuthority("ROLE_" + user.role().name()),
                        FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
