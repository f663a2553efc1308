/**
 * Who is who and who may see what: organisations, users, API tokens, authentication, and {@link
 * org.jcu.sharing.AccessPolicy}, the one place that decides visibility (as a SQL predicate every repository read
 * appends).
 *
 * <p>Web sign-in (decisions 0012, 0013) lives here too: {@link org.jcu.sharing.WebAccounts} (Argon2id passwords,
 * lock-out, the TOTP second factor and its per-organisation requirement, accounts of OpenID Connect identities) and the
 * browser filter chain of {@code SecurityConfig}, beside the stateless token chain of the API.
 *
 * <p>The spine keeps the directory minimal (organisations, users, hashed tokens); communities, MoUs, TLP 2.0/PAP,
 * distribution and sharing groups are added here by the access-policy issue without changing callers.
 */
@NullMarked
package org.jcu.sharing;

import org.jspecify.annotations.NullMarked;
