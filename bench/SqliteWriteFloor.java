import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The write floor of the SQLite schema (decisions 0018, 0019): replays, through plain JDBC, exactly the rows one imported
 * indicator writes (version with its id key, holding, value, value-per-version) plus the import's per-batch probe of
 * 250 id keys, in batches of 250 inside one transaction, with no JSON, no validation and no Java pipeline. Prints µs
 * per object. Before 2026-12-04 (night) it formatted each content hash with String.format inside the timed loop, which
 * added 2-3 µs per object to every figure it gave, and it broke with migration 9 (no id key).
 *
 * <p>With a fifth argument, a second database file (a copy of the same empty store), the value and value-per-version
 * rows go to that file through a second connection on a second thread, handed over per batch: the floor of the
 * correlation index split into its own database with its own writer (not built, decision 0023). The time then runs
 * until both files have committed.
 *
 * <p>Usage (see bench/write-floor.sh): java [-Dcache=CACHE_SIZE] -cp SQLITE_JDBC_JAR bench/SqliteWriteFloor.java DB N
 * probe|noprobe checkpoint|nocheckpoint [SECOND_DB] (CACHE_SIZE as SQLite's cache_size: negative KiB; default
 * -131072)
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

    /** One value row and its value-per-version row. */
    record Observed(long seq, long valueId, String value) {}

    /** Writes the value rows of one batch. */
    static void writeValues(PreparedStatement value, PreparedStatement held, List<Observed> batch) throws Exception {
        for (Observed o : batch) {
            value.setLong(1, o.valueId());
            value.setString(2, "url");
            value.setString(3, o.value());
            value.setObject(4, null);
            value.setObject(5, null);
            value.addBatch();
            held.setLong(1, o.seq());
            held.setLong(2, o.valueId());
            held.setObject(3, null);
            held.addBatch();
        }
        value.executeBatch();
        held.executeBatch();
    }

    static Connection open(String db, boolean checkpoint) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db
                + "?journal_mode=WAL&synchronous=NORMAL&foreign_keys=true&cache_size=" + Integer.getInteger("cache", -131072));
        if (!checkpoint) {
            c.createStatement().execute("PRAGMA wal_autocheckpoint = 0");
        }
        c.setAutoCommit(false);
        return c;
    }

    public static void main(String[] args) throws Exception {
        String db = args[0];
        int n = Integer.parseInt(args[1]);
        boolean probe = args[2].equals("probe");
        boolean checkpoint = args[3].equals("checkpoint");
        boolean split = args.length > 4;
        try (Connection c = open(db, checkpoint); Connection values = split ? open(args[4], checkpoint) : null) {
            String org;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM organization LIMIT 1")) {
                rs.next();
                org = rs.getString(1);
            }
            PreparedStatement version = c.prepareStatement("INSERT INTO object_version (seq, stix_id, version_key,"
                    + " stix_type, owner_org, spec_version, modified, created, revoked, upgraded_from, content_hash,"
                    + " content, date_added, id_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            PreparedStatement holding = c.prepareStatement("INSERT INTO holding (version_seq, org_id, received_at,"
                    + " source, markings, tlp, pap, distribution) VALUES (?,?,?,?,?,?,?,?)");
            Connection valueConnection = split ? values : c;
            PreparedStatement value = valueConnection.prepareStatement(
                    "INSERT INTO observable_value (id, kind, value, ip_prefix, ip_net) VALUES (?,?,?,?,?)");
            PreparedStatement held = valueConnection.prepareStatement(
                    "INSERT INTO observable (version_seq, value_id, original) VALUES (?,?,?)");
            BlockingQueue<List<Observed>> handOver = new ArrayBlockingQueue<>(64);
            List<Observed> end = new ArrayList<>();
            Throwable[] valueFailure = new Throwable[1];
            Thread valueWriter = new Thread(() -> {
                try {
                    for (List<Observed> batch = handOver.take(); batch != end; batch = handOver.take()) {
                        writeValues(value, held, batch);
                    }
                    valueConnection.commit();
                } catch (Throwable e) {
                    valueFailure[0] = e;
                }
            });
            if (split) {
                valueWriter.start();
            }
            List<Observed> observed = new ArrayList<>(250);
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
                observed.add(new Observed(
                        seq, random.nextLong(), "http://bad-" + random.nextInt(99999) + ".example.net/path/" + i));
                if (i % 250 == 249 || i == n - 1) {
                    if (probe) {
                        for (int k = 1; k <= 250; k++) {
                            probeStatement.setLong(k, random.nextLong());
                        }
                        probeStatement.executeQuery().close();
                    }
                    version.executeBatch();
                    holding.executeBatch();
                    if (split) {
                        handOver.put(observed);
                    } else {
                        writeValues(value, held, observed);
                    }
                    observed = new ArrayList<>(250);
                }
            }
            long inserted = System.nanoTime();
            c.commit();
            if (split) {
                handOver.put(end);
                valueWriter.join();
                if (valueFailure[0] != null) {
                    throw new IllegalStateException("value writer failed", valueFailure[0]);
                }
            }
            long committed = System.nanoTime();
            int pageSize;
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getInt(1);
            }
            System.out.printf(java.util.Locale.ROOT,
                    "page %5d B, probe %-5s, checkpoint at commit %-5s%s: inserts %.1f µs/object, commit %.1f µs/object,"
                            + " %,.0f objects/s%n",
                    pageSize, probe, checkpoint, split ? ", values in a second file on a second thread" : "", (inserted - started) / 1e3 / n, (committed - inserted) / 1e3 / n,
                    n / ((committed - started) / 1e9));
        }
    }
}
