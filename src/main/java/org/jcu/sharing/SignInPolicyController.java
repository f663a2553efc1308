package org.jcu.sharing;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/organizations/{id}/sign-in-policy}: whether an organisation requires a second factor at web sign-in.
 * {@code GET} for any member of the organisation or a platform administrator; {@code PUT {"require_second_factor":
 * true|false}} for an administrator of that organisation or a platform administrator (403 otherwise, 404 for an
 * unknown organisation).
 */
@RestController
@RequestMapping(
        value = "/api/v1/organizations/{organizationId}/sign-in-policy",
        produces = MediaType.APPLICATION_JSON_VALUE)
class SignInPolicyController {

    /** The wire form, {@code {"organization_id": "...", "require_second_factor": true}}. */
    record PolicyBody(
            @JsonProperty("organization_id") @Nullable String organizationId,
            @JsonProperty("require_second_factor") @Nullable Boolean requireSecondFactor) {}

    private final WebAccounts accounts;

    SignInPolicyController(WebAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    PolicyBody get(@AuthenticationPrincipal JcuPrincipal user, @PathVariable("organizationId") String organizationId) {
        if (user.role() != UserRole.PLATFORM_ADMIN && !user.orgId().equals(organizationId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not a member of that organisation");
        }
        return accounts.signInPolicy(organizationId)
                .map(p -> new PolicyBody(p.organizationId(), p.requireSecondFactor()))
                .orElseThrow(() -> notFound(organizationId));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    PolicyBody put(
            @AuthenticationPrincipal JcuPrincipal user,
            @PathVariable("organizationId") String organizationId,
            @RequestBody PolicyBody body) {
        if (body.requireSecondFactor() == null) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "require_second_factor (true or false) is missing");
        }
        return accounts.setSignInPolicy(user, organizationId, body.requireSecondFactor())
                .map(p -> new PolicyBody(p.organizationId(), p.requireSecondFactor()))
                .orElseThrow(() -> notFound(organizationId));
    }

    private static ResponseStatusException notFound(String organizationId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no organisation " + organizationId);
    }
}
