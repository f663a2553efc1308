package org.jcu.sharing;

/**
 * A web sign-in that jcu refuses for a reason the user can act on (e.g. the identity provider names an organisation
 * jcu does not know). The message is written for the user and is shown on the sign-in page; it never concerns
 * passwords or lock-out, which always fail with one generic message.
 */
public final class SignInRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and what to do, for the user */
    public SignInRefusedException(String message) {
        super(message);
    }
}
