package org.jcu.sharing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The second factor of web sign-in, on Spring Security 7's multi-factor model: every sign-in carries
 * {@link FactorGrantedAuthority factor authorities} ({@code FACTOR_PASSWORD}, {@code FACTOR_AUTHORIZATION_CODE}); a
 * valid TOTP code adds {@value #TOTP_AUTHORITY}; an OIDC provider that reports multi-factor authentication
 * ({@code amr} contains {@code mfa}, RFC 8176) adds {@value #IDP_AUTHORITY}. Pages under {@code /web/} require one of
 * the two whenever {@link WebAccounts#secondFactor} says a second factor is required (organisation policy, or the
 * user enrolled); otherwise the authorization answers with the missing {@value #TOTP_AUTHORITY}, which Spring
 * Security's missing-authority handler turns into a redirect to {@value #PAGE}.
 *
 * <p>Thread-safety: stateless apart from its immutable collaborators.
 */
final class SecondFactor {

    /** Factor authority of a valid TOTP code (RFC 6238). */
    static final String TOTP_AUTHORITY = "FACTOR_TOTP";

    /** Factor authority of a second factor done at the OIDC provider. */
    static final String IDP_AUTHORITY = "FACTOR_IDP_MFA";

    /** The page that asks for the code (GET) and checks it (POST, field {@code code}). */
    static final String PAGE = "/login/second-factor";

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private SecondFactor() {}

    static GrantedAuthority idpAuthority() {
        return FactorGrantedAuthority.fromAuthority(IDP_AUTHORITY);
    }

    /** True if {@code authentication} is a signed-in (not anonymous) jcu account. */
    static boolean signedIn(@Nullable Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && !TRUST.isAnonymous(authentication)
                && WebAccounts.principal(authentication).isPresent();
    }

    /** True if {@code authentication} already carries a second factor. */
    static boolean done(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> TOTP_AUTHORITY.equals(a) || IDP_AUTHORITY.equals(a));
    }

    /** The authorization rule of {@code /web/**}: signed in, plus a second factor where one is required. */
    static AuthorizationManager<RequestAuthorizationContext> requirement(WebAccounts accounts) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(
                    Supplier<? extends @Nullable Authentication> supplier, RequestAuthorizationContext context) {
                Authentication authentication = supplier.get();
                if (!signedIn(authentication)) {
                    return new AuthorizationDecision(false);
                }
                JcuPrincipal user = WebAccounts.principal(authentication).orElseThrow();
                if (done(authentication) || !accounts.secondFactor(user).required()) {
                    return new AuthorizationDecision(true);
                }
                return new AuthorityAuthorizationDecision(
                        false, List.of(FactorGrantedAuthority.fromAuthority(TOTP_AUTHORITY)));
            }
        };
    }

    /**
     * {@code POST /login/second-factor}: checks the code of the signed-in user and adds {@value #TOTP_AUTHORITY} to
     * the session's authentication (new session id); a wrong code goes back to the page with {@code ?error}, and
     * counts towards the lock-out.
     */
    static final class CodeFilter extends AbstractAuthenticationProcessingFilter {

        private final WebAccounts accounts;

        CodeFilter(WebAccounts accounts) {
            super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PAGE));
            this.accounts = accounts;
            setAuthenticationManager(authentication -> {
                throw new IllegalStateException("the second-factor filter authenticates by itself");
            });
            setSecurityContextRepository(new DelegatingSecurityContextRepository(
                    new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()));
            setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
            setAuthenticationSuccessHandler(new SimpleUrlAuthenticationSuccessHandler("/web/account"));
            setAuthenticationFailureHandler((request, response, exception) -> {
                String target = exception instanceof InsufficientAuthenticationException ? "/login" : PAGE + "?error";
                new SimpleUrlAuthenticationFailureHandler(target).onAuthenticationFailure(request, response, exception);
            });
        }

        @Override
        public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
            Authentication current = SecurityContextHolder.getContextHolderStrategy()
                    .getContext()
                    .getAuthentication();
            if (!signedIn(current)) {
                throw new InsufficientAuthenticationException("sign in with your password or provider first");
            }
            JcuPrincipal user = WebAccounts.principal(current).orElseThrow();
            String code =
                    Optional.ofNullable(request.getParameter("code")).orElse("").replace(" ", "");
            if (!accounts.verifySecondFactor(user, code)) {
                throw new BadCredentialsException("wrong or reused code");
            }
            return current.toBuilder()
                    .authorities(authorities -> authorities.add(FactorGrantedAuthority.fromAuthority(TOTP_AUTHORITY)))
                    .build();
        }
    }
}
