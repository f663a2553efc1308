import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;
import java.util.UUID;

/**
 * The write floor of the SQLite schema (decisions 0018, 0019): replays, through plain JDBC, exactly the rows one imported
 * indicator writes (version with its id key, holding, value, value-per-version) plus the import's per-batch probe of
 * 250 id keys, in batches of 250 inside one transaction, with no JSON, no validation and no Java pipeline. Prints µs
 * per object. Before 2026-12-04 (night) it formatted each content hash with String.format inside the timed loop, which
 * added 2-3 µs per object to every figure it gave, and it broke with migration 9 (no id key).
 *
 * <p>Usage (see bench/write-floor.sh): java [-Dcache=CACHE_SIZE] -cp SQLITE_JDBC_JAR bench/SqliteWriteFloor.java DB N
 * probe|noprobe checkpoint|nocheckpoint (CACHE_SIZE as SQLite's cache_size: negative KiB; default -131072)
 */
public class SqliteWriteFloor {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** 64 random hex digits (cheap: String.format cost 2-3 µs per row, which the floor used to count as SQLite's). */
    static String hash(Random random) {
        char[] out = new char[64];
        for (int i = 0; i < 64; i += 16) {
            long bits = random.nextLong();
            for (int k = 0; k < 16; k++) {
                out[i + k] = HEX[(int) (bits >>> (60 - 4 * k)) & 15];
            }
        }
        return new String(out);
    }

    public static void main(String[] args) throws Exception {
        String db = args[0];
        int n = Integer.parseInt(args[1]);
        boolean probe = args[2].equals("probe");
        boolean checkpoint = args[3].equals("checkpoint");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db
                + "?journal_mode=WAL&synchronous=NORMAL&foreign_keys=true&cache_size=" + Integer.getInteger("cache", -131072))) {
            String org;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM organization LIMIT 1")) {
                rs.next();
                org = rs.getString(1);
            }
            if (!checkpoint) {
                c.createStatement().execute("PRAGMA wal_autocheckpoint = 0");
            }
            c.setAutoCommit(false);
            PreparedStatement version = c.prepareStatement("INSERT INTO object_version (seq, stix_id, version_key,"
                    + " stix_type, owner_org, spec_version, modified, created, revoked, upgraded_from, content_hash,"
                    + " content, date_added, id_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            PreparedStatement holding = c.prepareStatement("INSERT INTO holding (version_seq, org_id, received_at,"
                    + " source, markings, tlp, pap, distribution) VALUES (?,?,?,?,?,?,?,?)");
            PreparedStatement value = c.prepareStatement(
                    "INSERT INTO observable_value (id, kind, value, ip_prefix, ip_net) VALUES (?,?,?,?,?)");
            PreparedStatement held = c.prepareStatement(
                    "INSERT INTO observable (version_seq, value_id, original) VALUES (?,?,?)");
            StringBuilder probeSql = new StringBuilder("SELECT v.seq, v.stix_id, v.version_key, v.content_hash,"
                    + " v.owner_org FROM object_version v WHERE v.id_hash IN (?");
            probeSql.append(",?".repeat(249)).append(")");
            PreparedStatement probeStatement = c.prepareStatement(probeSql.toString());
            Random random = new Random(20261204);
            String content = "{\"confidence\":42,\"created\":\"2026-03-04T05:06:07.123Z\",\"created_by_ref\":"
                    + "\"identity--5a2f1e8c-3c55-4d8b-9f0e-6b7c2d1a9e11\",\"id\":\"ID\",\"indicator_types\":"
                    + "[\"malicious-activity\"],\"modified\":\"2026-03-04T05:06:07.123Z\",\"name\":\"Synthetic"
                    + " indicator 12345\",\"object_marking_refs\":[\"marking-definition--bab4a63c-aed9-4cf5-a766-"
                    + "dfca5abac2bb\"],\"pattern\":\"[url:value = 'http://bad-12345.example.net/path/12345?q=42']\","
                    + "\"pattern_type\":\"stix\",\"spec_version\":\"2.1\",\"type\":\"indicator\",\"valid_from\":"
                    + "\"2026-03-04T05:06:07.123Z\"}";
            long started = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long seq = i + 1L;
                String id = "indicator--" + new UUID(random.nextLong(), random.nextLong());
                version.setLong(1, seq);
                version.setString(2, id);
                version.setString(3, "2026-03-04T05:06:07.123000000Z");
                version.setString(4, "indicator");
                version.setString(5, org);
                version.setString(6, "2.1");
                version.setString(7, "2026-03-04T05:06:07.123Z");
                version.setString(8, "2026-03-04T05:06:07.123Z");
                version.setBoolean(9, false);
                version.setString(10, null);
                version.setString(11, hash(random)); // 64 hex digits, like a SHA-256
                version.setString(12, content.replace("ID", id));
                version.setString(13, "2026-12-04T13:00:00.000000Z");
                version.setLong(14, random.nextLong()); // the id's 64-bit key (decision 0020)
                version.addBatch();
                holding.setLong(1, seq);
                holding.setString(2, org);
                holding.setString(3, "2026-12-04T13:00:00.000000Z");
                holding.setString(4, "indicators-1000000.json");
                holding.setString(5, "[\"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb\"]");
                holding.setString(6, "TLP:GREEN");
                holding.setString(7, null);
                holding.setString(8, "COMMUNITY");
                holding.addBatch();
                long valueId = random.nextLong();
                value.setLong(1, valueId);
                value.setString(2, "url");
                value.setString(3, "http://bad-" + random.nextInt(99999) + ".example.net/path/" + i);
                value.setObject(4, null);
                value.setObject(5, null);
                value.addBatch();
                held.setLong(1, seq);
                held.setLong(2, valueId);
                held.setObject(3, null);
                held.addBatch();
                if (i % 250 == 249) {
                    if (probe) {
                        for (int k = 1; k <= 250; k++) {
                            probeStatement.setLong(k, random.nextLong());
                        }
                        probeStatement.executeQuery().close();
                    }
                    version.executeBatch();
                    holding.executeBatch();
                    value.executeBatch();
                    held.executeBatch();
                }
            }
            version.executeBatch();
            holding.executeBatch();
            value.executeBatch();
            held.executeBatch();
            long inserted = System.nanoTime();
            c.commit();
            long committed = System.nanoTime();
            int pageSize;
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getInt(1);
            }
            System.out.printf(java.util.Locale.ROOT,
                    "page %5d B, probe %-5s, checkpoint at commit %-5s: inserts %.1f µs/object, commit %.1f µs/object,"
                            + " %,.0f objects/s%n",
                    pageSize, probe, checkpoint, (inserted - started) / 1e3 / n, (committed - inserted) / 1e3 / n,
                    n / ((committed - started) / 1e9));
        }
    }
}
