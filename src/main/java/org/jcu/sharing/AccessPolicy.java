package org.jcu.sharing;

import java.util.regex.Pattern;

/**
 * The one place that decides which stored object versions a reader may see, expressed as a SQL predicate over an
 * {@code object_version} row so that segregation happens in the database, on every read path (REST, TAXII, counts,
 * and every later path). The rules are the truth table of {@code docs/decisions/0007-access-policy-truth-table.md}:
 * a version is visible iff one of its holdings grants the reader, by the holder being the reader, TLP:RED named
 * recipients, an access grant of the holder (non-RED; decision 0016), the distribution's audience (sharing groups, communities under a valid MoU, linked communities, all
 * communities), or the TLP:AMBER client route, each filtered by the GOVERNMENT/PRIVATE compartment rule.
 *
 * <p>The scope carries the reader's (and its serving organisation's) valid communities, resolved from the MoUs at the
 * time of the read; the expression embeds them and the organisation ids as SQL literals (each checked against a
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
        return "EXISTS (SELECT 1 FROM holding " + h + " WHERE " + h + ".version_seq = " + alias + ".seq AND ("
                + holdingPredicate(h, scope) + "))";
    }

    /**
     * A SQL boolean expression, true for rows of {@code holding} aliased {@code h} that grant {@code scope} (the
     * truth table's routes for one holding). {@link #versionPredicate} is "some holding grants".
     *
     * @throws IllegalArgumentException if the alias or a scope value is not a plain identifier
     */
    public static String holdingPredicate(String h, AccessScope scope) {
        if (!SAFE_ALIAS.matcher(h).matches()) {
            throw new IllegalArgumentException("bad SQL alias: " + h);
        }
        AccessScope.Member reader = scope.reader();
        String readerId = literal(reader.orgId());
        StringBuilder sql = new StringBuilder();
        // the holder always sees its own holding
        sql.append(h).append(".org_id = ").append(readerId);
        // TLP:RED: named recipient organisations only
        sql.append(" OR (").append(h).append(".tlp = 'TLP:RED' AND ").append(target(h, "RECIPIENT", readerId));
        sql.append(")");
        // granted by the holder on an access request (decision 0016): that organisation, any compartment, never RED
        sql.append(" OR (").append(h).append(".tlp <> 'TLP:RED' AND ").append(target(h, AccessGrants.GRANT, readerId));
        sql.append(")");
        // other TLPs: the distribution's audience
        sql.append(" OR (")
                .append(h)
                .append(".tlp <> 'TLP:RED' AND (")
                .append(audience(h, reader))
                .append("))");
        // TLP:AMBER: clients of a recipient organisation (one level, the serving organisation judged as itself)
        AccessScope.Member server = scope.server();
        if (server != null) {
            sql.append(" OR (")
                    .append(h)
                    .append(".tlp = 'TLP:AMBER' AND ")
                    .append(h)
                    .append(".org_id <> ");
            sql.append(literal(server.orgId()));
            if (reader.compartment() == Compartment.PRIVATE) {
                sql.append(" AND ").append(holderIsGovernment(h));
            }
            sql.append(" AND (").append(audience(h, server)).append("))");
        }
        return sql.toString();
    }

    /** Routes of the distribution for {@code member} with the compartment rule applied. */
    private static String audience(String h, AccessScope.Member member) {
        boolean isPrivate = member.compartment() == Compartment.PRIVATE;
        String org = literal(member.orgId());
        StringBuilder sql = new StringBuilder();
        // EXPLICIT: sharing groups (any holder, any compartment)
        sql.append("(").append(h).append(".distribution = 'SHARING_GROUPS' AND EXISTS (SELECT 1 FROM holding_target t");
        sql.append(" JOIN sharing_group_member gm ON gm.group_id = t.target_id WHERE ")
                .append(targetOf(h, "t"));
        sql.append(" AND t.kind = 'SHARING_GROUP' AND gm.org_id = ").append(org).append("))");
        if (!member.communities().isEmpty()) {
            // NAMED: communities named by the holding; into PRIVATE only from a GOVERNMENT holder
            sql.append(" OR (").append(h).append(".distribution IN ('COMMUNITIES', 'CONNECTED_COMMUNITIES')");
            if (isPrivate) {
                sql.append(" AND ").append(holderIsGovernment(h));
            }
            sql.append(" AND EXISTS (SELECT 1 FROM holding_target t WHERE ").append(targetOf(h, "t"));
            sql.append(" AND t.kind = 'COMMUNITY' AND t.target_id IN (").append(literals(member.communities()));
            sql.append(")))");
            if (!isPrivate) {
                // BROAD: all communities, and communities linked to the named ones (never into PRIVATE)
                sql.append(" OR ").append(h).append(".distribution = 'ALL_COMMUNITIES'");
                if (!member.linked().isEmpty()) {
                    sql.append(" OR (").append(h).append(".distribution = 'CONNECTED_COMMUNITIES' AND EXISTS (");
                    sql.append("SELECT 1 FROM holding_target t WHERE ").append(targetOf(h, "t"));
                    sql.append(" AND t.kind = 'COMMUNITY' AND t.target_id IN (").append(literals(member.linked()));
                    sql.append(")))");
                }
            }
        }
        return sql.toString();
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

    private static String literals(java.util.Collection<String> values) {
        return values.stream().sorted().map(AccessPolicy::literal).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String literal(String value) {
        if (value == null || !SAFE_LITERAL.matcher(value).matches()) {
            throw new IllegalArgumentException("unsafe value in an access scope: " + value);
        }
        return "'" + value + "'";
    }
}
