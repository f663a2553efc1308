package org.jcu.taxii;

import org.springframework.http.HttpStatus;

/** A TAXII error answered with a TAXII error message body (TAXII 2.1 §3.6.1). */
final class TaxiiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String title;

    TaxiiException(HttpStatus status, String title, String description) {
        super(description);
        this.status = status;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}
