package org.jcu.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A tiny real HTTP client for end-to-end tests against the server started on a random port. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** GET with optional Authorization and Accept headers (null to omit). */
    public HttpResponse<String> get(String path, String authorization, String accept) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.build());
    }

    /** POST a body. */
    public HttpResponse<String> post(String path, String authorization, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** Any method with an optional JSON body (null for none). */
    public HttpResponse<String> json(String method, String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /**
     * Sends {@link #json} and asserts the status; returns the parsed JSON body (null when empty). The failure message
     * names the request and shows the body.
     */
    public tools.jackson.databind.JsonNode expect(
            String method, String path, String authorization, String body, int status) {
        HttpResponse<String> response = json(method, path, authorization, body);
        org.assertj.core.api.Assertions.assertThat(response.statusCode())
                .as(method + " " + path + " -> " + response.body())
                .isEqualTo(status);
        return response.body().isEmpty() ? null : Stix.parse(response.body());
    }

    /** PUT a body. */
    public HttpResponse<String> put(String path, String authorization, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
