package org.jcu.audit;

/**
 * What an audit entry records. The constant's name is its stored value ({@code audit_log.audit_action}); names are
 * never renamed or reused, since they are part of every entry's MAC.
 */
public enum AuditAction {
    /** {@code GET /api/v1/objects}: a page of objects. */
    OBJECTS_READ,
    /** {@code GET /api/v1/objects/{id}}: one object. */
    OBJECT_READ,
    /** {@code GET /api/v1/objects/{id}/versions}: the versions of one object. */
    VERSIONS_READ,
    /** {@code GET /api/v1/objects/{id}/references}: relationships and sightings referencing an object. */
    REFERENCES_READ,
    /** {@code GET /api/v1/stats}: counts per type (no objects returned). */
    STATS_READ,
    /** TAXII 2.1 §5.4 get objects. */
    TAXII_OBJECTS_READ,
    /** TAXII 2.1 §5.5 get an object. */
    TAXII_OBJECT_READ,
    /** TAXII 2.1 §5.7 object versions. */
    TAXII_VERSIONS_READ,
    /** TAXII 2.1 §5.3 manifest. */
    TAXII_MANIFEST_READ,
    /** An import into the store ({@code POST /api/v1/bundles}, {@code jcu import}, demo data): a write. */
    IMPORT,
    /** An export of objects out of the platform. */
    EXPORT,
    /** A change to organisations, users or tokens. */
    DIRECTORY_WRITE,
    /** A completed web sign-in (password, password and code, or identity provider); detail says which. */
    SIGN_IN,
    /** A refused web sign-in step (wrong or unknown, locked, wrong code, refused by the provider mapping). */
    SIGN_IN_REFUSED,
    /** An account created or its role changed by an identity provider's claims at sign-in. */
    ACCOUNT_MAPPED
}
