package org.jcu.sharing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Maps an OpenID Connect sign-in (OIDC Core 1.0, authorization-code flow) onto a jcu account: the claim
 * {@code jcu.oidc.organization-claim} must name a registered organisation (UUID or name), the claim
 * {@code jcu.oidc.roles-claim} must hold at least one value that maps to a {@link UserRole} (the most privileged wins,
 * in {@link UserRole}'s order); the account is created at the first sign-in. Anything else is refused with an
 * {@link OAuth2AuthenticationException} of error code {@value #REFUSED} whose description tells the user why.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** OAuth2 error code of a refused mapping; its description is shown to the user. */
    static final String REFUSED = "jcu_sign_in_refused";

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider = new OidcUserService();
    private final WebAccounts accounts;
    private final OidcProperties properties;

    OidcAccounts(WebAccounts accounts, OidcProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        try {
            JcuOidcUser account = map(request, user);
            accounts.audit()
                    .signedIn(
                            account.account(),
                            "identity provider " + user.getIdToken().getIssuer());
            return account;
        } catch (OAuth2AuthenticationException e) {
            accounts.audit()
                    .refused(
                            null,
                            "identity provider " + user.getIdToken().getIssuer() + ": "
                                    + e.getError().getDescription());
            throw e;
        }
    }

    private JcuOidcUser map(OidcUserRequest request, OidcUser user) {
        String issuer = String.valueOf(user.getIdToken().getIssuer());
        String subject = user.getSubject();

        String organizationValue = claimString(user, properties.organizationClaim())
                .orElseThrow(() -> refused("Your identity provider did not say which organisation you belong to"
                        + " (claim '" + properties.organizationClaim() + "' is missing)."));
        Directory.Organization organization = accounts.organizationByIdOrName(organizationValue)
                .orElseThrow(() -> refused("Your identity provider names the organisation '" + organizationValue
                        + "', which is not registered in jcu. Ask your jcu administrator to register it."));
        String registration = request.getClientRegistration().getRegistrationId();
        if (!properties.mayName(
                registration, organization, organization.id().equals(accounts.platformOrganizationId()))) {
            throw refused("Your identity provider (" + registration + ") may not name the organisation '"
                    + organization.name() + "' (jcu.oidc.organizations." + registration + "). Ask your jcu"
                    + " administrator.");
        }

        List<String> roleValues = claimStrings(user, properties.rolesClaim());
        UserRole role = roleValues.stream()
                .map(properties::map)
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder())
                .orElseThrow(() -> refused("None of the roles your identity provider gives you "
                        + (roleValues.isEmpty()
                                ? "(claim '" + properties.rolesClaim() + "' is empty or missing)"
                                : roleValues)
                        + " is a jcu role. Ask your administrator for a jcu role."));

        String username = claimString(user, properties.usernameClaim())
                .or(() -> claimString(user, "email"))
                .orElse(subject);
        JcuPrincipal account;
        try {
            account = accounts.externalAccount(issuer, subject, username, organization.id(), role);
        } catch (SignInRefusedException e) {
            throw refused(e.getMessage());
        }

        Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
        if (properties.acceptIdpMfa() && claimStrings(user, "amr").contains("mfa")) {
            authorities.add(SecondFactor.idpAuthority());
        }
        String nameAttribute = request.getClientRegistration()
                .getProviderDetails()
                .getUserInfoEndpoint()
                .getUserNameAttributeName();
        return new JcuOidcUser(
                account,
                authorities,
                user.getIdToken(),
                user.getUserInfo(),
                nameAttribute == null || nameAttribute.isBlank() ? "sub" : nameAttribute);
    }

    private static OAuth2AuthenticationException refused(String message) {
        return new OAuth2AuthenticationException(new OAuth2Error(REFUSED, message, null), message);
    }

    private static Optional<String> claimString(OidcUser user, String claim) {
        Object value = user.getClaims().get(claim);
        return value == null || value.toString().isBlank()
                ? Optional.empty()
                : Optional.of(value.toString().strip());
    }

    private static List<String> claimStrings(OidcUser user, String claim) {
        Object value = user.getClaims().get(claim);
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(String.valueOf(v).strip()));
        } else if (value != null) {
            values.addAll(Arrays.asList(value.toString().strip().split("[\\s,]+")));
        }
        values.removeIf(String::isEmpty);
        return values;
    }
}
