package org.jcu.intel;

/**
 * How an import treats bad objects and whom it is recorded for.
 *
 * @param orgId   the submitting (and, for new ids, owning) organisation — always the authenticated one
 * @param source  a label kept on each holding (file name, "api", "demo")
 * @param partial false: any refused object rejects the whole input and nothing is written (the default);
 *                true: valid objects are kept and refused ones reported
 */
public record ImportOptions(String orgId, String source, boolean partial) {}
