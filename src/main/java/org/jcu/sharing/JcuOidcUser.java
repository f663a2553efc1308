package org.jcu.sharing;

import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * An OpenID Connect user signed in on the web, with the jcu account its claims map to. Kept in the HTTP session.
 *
 * <p>Thread-safety: immutable.
 */
final class JcuOidcUser extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;

    private final JcuPrincipal account;

    JcuOidcUser(
            JcuPrincipal account,
            Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken,
            @Nullable OidcUserInfo userInfo,
            String nameAttributeKey) {
        super(authorities, idToken, userInfo, nameAttributeKey);
        this.account = account;
    }

    /** The jcu account. */
    JcuPrincipal account() {
        return account;
    }
}
