package org.jcu.stix;

/**
 * One rule broken by one STIX object: which object, where in it, which rule, and a readable message.
 *
 * @param objectId the object's {@code id}, or {@code "(object #n)"} when the object has no usable id
 * @param pointer  RFC 6901 JSON pointer into the object ({@code ""} for the object itself)
 * @param rule     a stable rule name: {@code schema:<keyword>} for JSON Schema failures, otherwise one of the
 *                 semantic rule names in {@link StixValidator}
 * @param message  human-readable explanation
 */
public record Violation(String objectId, String pointer, String rule, String message) {

    @Override
    public String toString() {
        return objectId + " " + (pointer.isEmpty() ? "/" : pointer) + " [" + rule + "] " + message;
    }
}
