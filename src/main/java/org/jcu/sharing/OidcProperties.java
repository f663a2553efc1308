package org.jcu.sharing;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the claims of an OpenID Connect identity provider (EU Login, Keycloak, ...) map onto jcu ({@code jcu.oidc.*}).
 * The provider itself is configured with Spring's {@code spring.security.oauth2.client.registration.<id>.*} and
 * {@code ...provider.<id>.issuer-uri}.
 *
 * @param organizationClaim claim naming the user's organisation by its jcu UUID or its exact name
 * @param rolesClaim claim holding the user's roles: a JSON array of strings or one string separated by spaces or
 *     commas
 * @param usernameClaim claim giving the jcu user name on first sign-in (falls back to {@code email}, then
 *     {@code sub})
 * @param roleMapping provider role value to jcu role, e.g. {@code jcu.oidc.role-mapping[cert-analyst]=ANALYST}. Empty:
 *     the values {@code ORG_ADMIN}, {@code ANALYST} and {@code READ_ONLY} (any case) map to themselves.
 *     {@code SYNC} (machine accounts) can never be mapped.
 * @param acceptIdpMfa when the ID token's {@code amr} claim (RFC 8176) contains {@code mfa}, the provider's own
 *     second factor satisfies an organisation's second-factor requirement
 * @param organizations per client registration id, the organisations (jcu UUIDs or exact names) that provider may
 *     name, e.g. {@code jcu.oidc.organizations.keycloak-fr=CERT-FR,ANSSI}: a provider vouches for its own
 *     organisations, not for another country's. A registration without an entry may name any registered organisation
 *     except the platform organisation, which must always be listed to be named.
 */
@ConfigurationProperties("jcu.oidc")
record OidcProperties(
        @DefaultValue("organization") String organizationClaim,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("preferred_username") String usernameClaim,
        @Nullable Map<String, UserRole> roleMapping,
        @DefaultValue("true") boolean acceptIdpMfa,
        @Nullable Map<String, java.util.List<String>> organizations) {

    OidcProperties {
        organizations = organizations == null ? Map.of() : Map.copyOf(organizations);
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        roleMapping.forEach((value, role) -> {
            if (role == UserRole.SYNC) {
                throw new IllegalArgumentException(
                        "jcu.oidc.role-mapping[" + value + "]: SYNC is for machine accounts and cannot be mapped");
            }
        });
    }

    /**
     * True if the provider of client registration {@code registrationId} may name {@code organization} (see
     * {@link #organizations()}); {@code platform} tells whether it is the platform organisation.
     */
    boolean mayName(String registrationId, Directory.Organization organization, boolean platform) {
        java.util.List<String> listed = organizations.get(registrationId);
        if (listed == null) {
            return !platform;
        }
        return listed.stream()
                .map(String::strip)
                .anyMatch(o -> o.equals(organization.id()) || o.equals(organization.name()));
    }

    /** The jcu role a provider role value maps to, if any. */
    Optional<UserRole> map(String value) {
        if (!roleMapping.isEmpty()) {
            return Optional.ofNullable(roleMapping.get(value));
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "ORG_ADMIN" -> Optional.of(UserRole.ORG_ADMIN);
            case "ANALYST" -> Optional.of(UserRole.ANALYST);
            case "READ_ONLY" -> Optional.of(UserRole.READ_ONLY);
            default -> Optional.empty();
        };
    }
}
