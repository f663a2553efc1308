package org.jcu.intel;

/**
 * One stored object version as read through the access policy.
 *
 * @param seq         insertion position (monotonic; paging cursor)
 * @param id          STIX id
 * @param versionKey  fixed-width UTC version key ({@code ""} for objects with neither modified nor created)
 * @param type        STIX type
 * @param specVersion spec_version ("2.1")
 * @param modified    {@code modified} as received, or null
 * @param created     {@code created} as received, or null
 * @param revoked     {@code revoked}
 * @param content     the object's JSON (compact, properties sorted), exactly the STIX object
 * @param dateAdded   when this version was first added, UTC with microseconds (TAXII 2.1 {@code date_added})
 */
public record StoredVersion(
        long seq,
        String id,
        String versionKey,
        String type,
        String specVersion,
        String modified,
        String created,
        boolean revoked,
        String content,
        String dateAdded) {

    /**
     * The TAXII {@code version} of this object: {@code modified}, else {@code created}, else {@code date_added}
     * (TAXII 2.1 §3.4.1, manifest resource).
     */
    public String taxiiVersion() {
        if (modified != null) {
            return modified;
        }
        return created != null ? created : dateAdded;
    }
}
