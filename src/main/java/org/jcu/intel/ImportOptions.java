package org.jcu.intel;

import org.jcu.sharing.HoldingSharing;

/**
 * How an import treats bad objects, whom it is recorded for and how its holdings are shared.
 *
 * @param orgId   the submitting (and, for new ids, owning) organisation — always the authenticated one
 * @param source  a label kept on each holding (file name, "api", "demo")
 * @param partial false: any refused object rejects the whole input and nothing is written (the default);
 *                true: valid objects are kept and refused ones reported
 * @param sharing the validated sharing decision for the new holdings ({@code SharingDecisions#resolve})
 */
public record ImportOptions(String orgId, String source, boolean partial, HoldingSharing sharing) {}
