package org.jcu.sharing;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The one place that wires routes to authentication: {@code /api/**} and {@code /taxii2/**} need an API token
 * (Bearer or Basic); OpenAPI docs, Swagger UI and health are public. Stateless: no session, so no CSRF surface on the
 * token-authenticated API (web sign-in with sessions and CSRF comes with the access-policy issue).
 */
@Configuration
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfig {

    private static final String HOW_TO_AUTHENTICATE =
            "Send an API token as 'Authorization: Bearer <token>' or as the password of HTTP Basic.";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, Directory directory) throws Exception {
        AuthenticationEntryPoint entryPoint = SecurityConfig::unauthorized;
        http.securityMatcher("/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .addFilterBefore(new ApiTokenFilter(directory, entryPoint), BasicAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/actuator/health/**",
                                "/actuator/health",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    /** No form or Basic users exist outside API tokens; this stops Boot from generating a default password. */
    @Bean
    UserDetailsService noPasswordUsers() {
        return new InMemoryUserDetailsManager();
    }

    private static void unauthorized(
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e)
            throws java.io.IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "Bearer realm=\"jcu\", Basic realm=\"jcu\"");
        boolean taxii = request.getRequestURI().startsWith("/taxii2");
        response.setContentType(taxii ? "application/taxii+json;version=2.1" : "application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body = taxii
                ? "{\"title\":\"Unauthorized\",\"description\":\"" + HOW_TO_AUTHENTICATE + "\",\"http_status\":\"401\"}"
                : "{\"status\":401,\"error\":\"unauthorized\",\"message\":\"" + HOW_TO_AUTHENTICATE + "\"}";
        response.getWriter().write(body);
    }
}
