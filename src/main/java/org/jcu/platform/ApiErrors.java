package org.jcu.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps bad input on the REST API to a JSON error naming the problem: {@code {"status":400,"error":"bad-request",
 * "message":"..."}}. TAXII endpoints have their own error bodies (TAXII 2.1 §3.6.1).
 */
@RestControllerAdvice(basePackages = {"org.jcu.intel", "org.jcu.sharing", "org.jcu.observable", "org.jcu.sighting"})
class ApiErrors {

    @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(org.springframework.web.server.ResponseStatusException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", e.getStatusCode().value());
        body.put("error", e.getStatusCode().toString());
        body.put("message", e.getReason());
        return ResponseEntity.status(e.getStatusCode())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    @ExceptionHandler({
        IllegalArgumentException.class,
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class,
        org.springframework.http.converter.HttpMessageNotReadableException.class
    })
    ResponseEntity<Map<String, Object>> badRequest(Exception e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 400);
        body.put("error", "bad-request");
        body.put("message", message(e));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    /** A database failure: 500 naming an incident, never the SQL or the driver's message (see {@link Incidents}). */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<Map<String, Object>> storeFailure(org.springframework.dao.DataAccessException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 500);
        body.put("error", "internal-error");
        body.put("message", Incidents.logged(e));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    /** A message naming the parameter and rule, without Java type names. */
    private static String message(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException m) {
            String type = m.getRequiredType() == null
                    ? "value"
                    : Number.class.isAssignableFrom(m.getRequiredType())
                                    || m.getRequiredType().isPrimitive()
                            ? "number"
                            : m.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            return "parameter '" + m.getName() + "': '" + m.getValue() + "' is not a valid " + type;
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return "parameter '" + m.getParameterName() + "' is required";
        }
        if (e instanceof org.springframework.http.converter.HttpMessageNotReadableException
                && org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e)
                        instanceof tools.jackson.core.JacksonException json) {
            // the parser's own words and where, without the framework's wrapping and source description
            tools.jackson.core.TokenStreamLocation at = json.getLocation();
            String where = at == null || at.getLineNr() < 1
                    ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what = json.getOriginalMessage() == null ? "" : ": " + json.getOriginalMessage();
            return "request body: not valid JSON for this request" + where + what;
        }
        return e.getMessage();
    }
}
