package org.jcu.sharing;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The web pages of sign-in (jte templates in {@code src/main/jte}): the sign-in form, the second-factor page and the
 * signed-in user's account page. Every value reaches the page through jte's context-aware HTML escaping.
 */
@Controller
class WebPages {

    /**
     * The one message of every failed password sign-in: unknown user, wrong password and locked account look the
     * same.
     */
    static final String SIGN_IN_FAILED = "Sign-in failed: the user name or password is wrong, or the account is"
            + " locked for a while after too many failed attempts.";

    private final WebAccounts accounts;
    private final ObjectProvider<ClientRegistrationRepository> clientRegistrations;

    WebPages(WebAccounts accounts, ObjectProvider<ClientRegistrationRepository> clientRegistrations) {
        this.accounts = accounts;
        this.clientRegistrations = clientRegistrations;
    }

    @GetMapping("/login")
    String signIn(
            @RequestParam(name = "error", required = false) @Nullable String error,
            @RequestParam(name = "logout", required = false) @Nullable String logout,
            @Nullable HttpSession session,
            CsrfToken csrf,
            Model model) {
        String message = "";
        if (error != null) {
            message = SIGN_IN_FAILED;
            Object exception = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (exception instanceof OAuth2AuthenticationException oauth) {
                message = OidcAccounts.REFUSED.equals(oauth.getError().getErrorCode())
                                && oauth.getError().getDescription() != null
                        ? oauth.getError().getDescription()
                        : "Sign-in with your identity provider failed ("
                                + oauth.getError().getErrorCode() + ").";
            }
            if (session != null) {
                session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            }
        }
        Map<String, String> providers = new LinkedHashMap<>();
        if (clientRegistrations.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                ClientRegistration client = (ClientRegistration) registration;
                providers.put(client.getClientName(), "/oauth2/authorization/" + client.getRegistrationId());
            }
        }
        csrf(model, csrf);
        model.addAttribute("error", message);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("providers", providers);
        return "web/login";
    }

    @GetMapping(SecondFactor.PAGE)
    String secondFactor(
            Authentication authentication,
            @RequestParam(name = "error", required = false) @Nullable String error,
            CsrfToken csrf,
            Model model) {
        JcuPrincipal user = WebAccounts.principal(authentication).orElseThrow();
        if (SecondFactor.done(authentication)) {
            return "redirect:/web/account";
        }
        WebAccounts.SecondFactorState state = accounts.secondFactor(user);
        String secret = "";
        String uri = "";
        if (!state.enrolled()) {
            WebAccounts.Enrolment enrolment = accounts.enrolment(user);
            secret = enrolment.secret();
            uri = enrolment.uri();
        }
        csrf(model, csrf);
        model.addAttribute("error", error != null);
        model.addAttribute("secret", secret);
        model.addAttribute("uri", uri);
        return "web/secondFactor";
    }

    @GetMapping("/web")
    String home() {
        return "redirect:/web/account";
    }

    @GetMapping("/web/account")
    String account(Authentication authentication, CsrfToken csrf, Model model) {
        JcuPrincipal user = WebAccounts.principal(authentication).orElseThrow();
        WebAccounts.SecondFactorState state = accounts.secondFactor(user);
        boolean oidc = authentication.getPrincipal() instanceof JcuOidcUser;
        csrf(model, csrf);
        model.addAttribute("username", user.username());
        model.addAttribute("organization", accounts.organizationName(user.orgId()));
        model.addAttribute("role", user.role().name());
        model.addAttribute(
                "signedInWith",
                oidc ? "identity provider " + ((JcuOidcUser) authentication.getPrincipal()).getIssuer() : "password");
        model.addAttribute("secondFactorRequired", state.requiredByOrganization());
        model.addAttribute("secondFactorEnrolled", state.enrolled());
        model.addAttribute("secondFactorDone", SecondFactor.done(authentication));
        return "web/account";
    }

    private static void csrf(Model model, CsrfToken csrf) {
        model.addAttribute("csrfParameter", csrf.getParameterName());
        model.addAttribute("csrfToken", csrf.getToken());
    }
}
