package org.jcu.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Unknown paths (404) and wrong methods (405) answered in the body format of the API that was asked: a TAXII error
 * message under {@code /taxii2} (TAXII 2.1 §3.6.1), a JSON error elsewhere — never an HTML page.
 */
@RestControllerAdvice
class RoutingErrors {

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request) {
        return error(
                request,
                HttpStatus.NOT_FOUND,
                "Not found",
                "no resource at " + request.getRequestURI()
                        + (request.getRequestURI().startsWith("/taxii2") ? " (TAXII URLs end with '/')" : ""));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> wrongMethod(
            HttpServletRequest request, HttpRequestMethodNotSupportedException e) {
        return error(request, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(
            HttpServletRequest request, HttpStatus status, String title, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (request.getRequestURI().startsWith("/taxii2")) {
            body.put("title", title);
            body.put("description", description);
            body.put("http_status", Integer.toString(status.value()));
            return ResponseEntity.status(status)
                    .contentType(MediaType.parseMediaType("application/taxii+json;version=2.1"))
                    .body(body);
        }
        body.put("status", status.value());
        body.put("error", title);
        body.put("message", description);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
