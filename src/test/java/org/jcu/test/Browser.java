package org.jcu.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that behaves like a browser for end-to-end sign-in tests: it keeps cookies per host,
 * follows redirects only when asked ({@link #follow}), and reads CSRF tokens out of HTML forms. Not thread-safe.
 */
public final class Browser {

    /** What browsers send; servers pick HTML answers (e.g. a redirect to a login page) by it. */
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    /** @param base where relative paths go, e.g. {@code http://127.0.0.1:8080} */
    public Browser(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GET without following redirects. */
    public HttpResponse<String> get(String pathOrUrl) {
        return send(request(resolve(pathOrUrl)).GET().build());
    }

    /** POST of an HTML form ({@code application/x-www-form-urlencoded}) without following redirects. */
    public HttpResponse<String> post(String pathOrUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(resolve(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Follows redirects (as GET, across hosts) until a response that is not one; at most 20. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 20 && isRedirect(current); hops++) {
            URI next = current.uri()
                    .resolve(current.headers().firstValue("Location").orElseThrow());
            current = send(request(next).GET().build());
        }
        if (isRedirect(current)) {
            throw new IllegalStateException("too many redirects, last " + current.uri());
        }
        return current;
    }

    /** GET, following redirects. */
    public HttpResponse<String> open(String pathOrUrl) {
        return follow(get(pathOrUrl));
    }

    /** The {@code _csrf} token of the first form in an HTML page. */
    public static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no _csrf field in " + page.uri() + ":\n" + page.body());
        }
        return matcher.group(1).replace("&#43;", "+").replace("&#61;", "=").replace("&#x3d;", "=");
    }

    /** The redirect target of a response, resolved against its URI. */
    public static URI location(HttpResponse<String> response) {
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    /** Cookies this browser holds for {@code pathOrUrl}'s host. */
    public List<HttpCookie> cookies(String pathOrUrl) {
        return cookies.getCookieStore().get(resolve(pathOrUrl));
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", ACCEPT);
    }

    private URI resolve(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private static boolean isRedirect(HttpResponse<String> response) {
        int status = response.statusCode();
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                && response.headers().firstValue("Location").isPresent();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
