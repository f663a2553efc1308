package org.jcu.sharing;

import java.util.regex.Pattern;

/**
 * The one place that decides which stored object versions a reader may see, expressed as a SQL predicate over an
 * {@code object_version} row so that segregation happens in the database, on every read path (REST, TAXII, counts,
 * and every later path). The rules are the truth table of {@code docs/decisions/0007-access-policy-truth-table.md}:
 * a version is visible iff one of its holdings grants the reader, by the holder being the reader, TLP:RED named
 * recipients, the distribution's audience (sharing groups, communities under a valid MoU, linked communities, all
 * communities), or the TLP:AMBER client route, each filtered by the GOVERNMENT/PRIVATE compartment rule.
 *
 * <p>The expression embeds the scope's organisation ids and read time as SQL literals (they are checked against a
 * strict character set first) and has no bind parameters, so callers can compose it into any query. It uses only
 * SQL understood alike by SQLite and PostgreSQL.
 *
 * <p>Thread-safety: stateless.
 */
public final class AccessPolicy {

    private static final Pattern SAFE_LITERAL = Pattern.compile("[A-Za-z0-9:.\\-]{1,64}");
    private static final Pattern SAFE_ALIAS = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    private AccessPolicy() {}

    /**
     * A SQL boolean expression, true for rows of {@code object_version} aliased {@code alias} that {@code scope} may
     * see.
     *
     * @throws IllegalArgumentException if the alias or a scope value is not a plain identifier/timestamp
     */
    public static String versionPredicate(String alias, AccessScope scope) {
        if (!SAFE_ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("bad SQL alias: " + alias);
        }
        String h = "h_" + alias;
        String reader = literal(scope.orgId());
        String at = literal(scope.at());
        boolean readerPrivate = scope.compartment() == Compartment.PRIVATE;
        StringBuilder sql = new StringBuilder();
        sql.append("EXISTS (SELECT 1 FROM holding ")
                .append(h)
                .append(" WHERE ")
                .append(h)
                .append(".version_seq = ");
        sql.append(alias).append(".seq AND (");
        // the holder always sees its own holding
        sql.append(h).append(".org_id = ").append(reader);
        // TLP:RED: named recipient organisations only
        sql.append(" OR (").append(h).append(".tlp = 'TLP:RED' AND ").append(target(h, "RECIPIENT", reader));
        sql.append(")");
        // other TLPs: the distribution's audience
        sql.append(" OR (").append(h).append(".tlp <> 'TLP:RED' AND (");
        sql.append(audience(h, reader, readerPrivate, at)).append("))");
        // TLP:AMBER: clients of a recipient organisation (one level, the serving organisation judged as itself)
        if (scope.servedBy() != null && scope.servedByCompartment() != null) {
            String server = literal(scope.servedBy());
            sql.append(" OR (")
                    .append(h)
                    .append(".tlp = 'TLP:AMBER' AND ")
                    .append(h)
                    .append(".org_id <> ");
            sql.append(server);
            if (readerPrivate) {
                sql.append(" AND ").append(holderIsGovernment(h));
            }
            sql.append(" AND (")
                    .append(audience(h, server, scope.servedByCompartment() == Compartment.PRIVATE, at))
                    .append("))");
        }
        sql.append("))");
        return sql.toString();
    }

    /** Routes of the distribution for organisation {@code org} (a SQL literal) with the compartment rule applied. */
    private static String audience(String h, String org, boolean orgPrivate, String at) {
        String communities = validCommunities(org, at);
        StringBuilder sql = new StringBuilder();
        // EXPLICIT: sharing groups (any holder, any compartment)
        sql.append("(").append(h).append(".distribution = 'SHARING_GROUPS' AND EXISTS (SELECT 1 FROM holding_target t");
        sql.append(" JOIN sharing_group_member gm ON gm.group_id = t.target_id WHERE ")
                .append(targetOf(h, "t"));
        sql.append(" AND t.kind = 'SHARING_GROUP' AND gm.org_id = ").append(org).append("))");
        // NAMED: communities named by the holding; into PRIVATE only from a GOVERNMENT holder
        sql.append(" OR (").append(h).append(".distribution IN ('COMMUNITIES', 'CONNECTED_COMMUNITIES')");
        if (orgPrivate) {
            sql.append(" AND ").append(holderIsGovernment(h));
        }
        sql.append(" AND EXISTS (SELECT 1 FROM holding_target t WHERE ").append(targetOf(h, "t"));
        sql.append(" AND t.kind = 'COMMUNITY' AND t.target_id IN (")
                .append(communities)
                .append(")))");
        if (!orgPrivate) {
            // BROAD: communities linked to the named ones, and all communities (never into PRIVATE)
            sql.append(" OR (").append(h).append(".distribution = 'CONNECTED_COMMUNITIES' AND EXISTS (SELECT 1");
            sql.append(" FROM holding_target t JOIN community_link cl ON cl.community_id = t.target_id WHERE ");
            sql.append(targetOf(h, "t")).append(" AND t.kind = 'COMMUNITY' AND cl.linked_id IN (");
            sql.append(communities).append(")))");
            sql.append(" OR (").append(h).append(".distribution = 'ALL_COMMUNITIES' AND EXISTS (");
            sql.append(communities).append("))");
        }
        return sql.toString();
    }

    /** Communities {@code org} is a valid member of at {@code at}: a signed MoU party within its validity window. */
    private static String validCommunities(String org, String at) {
        return "SELECT mo.community_id FROM mou_party mp JOIN mou mo ON mo.id = mp.mou_id WHERE mp.org_id = " + org
                + " AND mo.valid_from <= " + at + " AND (mo.valid_until IS NULL OR mo.valid_until > " + at + ")";
    }

    private static String target(String h, String kind, String org) {
        return "EXISTS (SELECT 1 FROM holding_target t WHERE " + targetOf(h, "t") + " AND t.kind = '" + kind
                + "' AND t.target_id = " + org + ")";
    }

    private static String targetOf(String h, String t) {
        return t + ".version_seq = " + h + ".version_seq AND " + t + ".org_id = " + h + ".org_id";
    }

    private static String holderIsGovernment(String h) {
        return "EXISTS (SELECT 1 FROM organization ho WHERE ho.id = " + h
                + ".org_id AND ho.compartment = 'GOVERNMENT')";
    }

    private static String literal(String value) {
        if (value == null || !SAFE_LITERAL.matcher(value).matches()) {
            throw new IllegalArgumentException("unsafe value in an access scope: " + value);
        }
        return "'" + value + "'";
    }
}
