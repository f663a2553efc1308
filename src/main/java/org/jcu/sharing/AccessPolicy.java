package org.jcu.sharing;

/**
 * The one place that decides which stored object versions a reader may see, expressed as a SQL predicate over an
 * {@code object_version} row so that segregation happens in the database, on every read path (REST, TAXII, counts).
 *
 * <p>Spine rule (until the access-policy issue adds TLP 2.0, PAP, distribution, communities and compartments): a
 * version is visible to any authenticated member of the platform once at least one organisation holds it. The
 * predicate form, not its content, is the contract callers rely on.
 *
 * <p>Thread-safety: stateless.
 */
public final class AccessPolicy {

    private AccessPolicy() {}

    /**
     * A SQL boolean expression true for rows of {@code object_version} aliased {@code alias} that {@code scope} may
     * see. The expression has no bind parameters.
     */
    public static String versionPredicate(String alias, AccessScope scope) {
        if (!alias.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad SQL alias: " + alias);
        }
        return "EXISTS (SELECT 1 FROM holding h_" + alias + " WHERE h_" + alias + ".version_seq = " + alias + ".seq)";
    }
}
