package org.jcu.sharing;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.DelegatingMissingAuthorityAccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The one place that wires routes to authentication, in two filter chains:
 *
 * <ul>
 *   <li><b>Browser</b> ({@code /login}, {@code /login/**}, {@code /logout}, {@code /web/**}, {@code /oauth2/**}):
 *       HTTP session, CSRF protection, form sign-in with password ({@link PasswordSignIn}, lock-out), OpenID
 *       Connect sign-in when a {@code spring.security.oauth2.client.registration.*} is configured ({@link
 *       OidcAccounts}), a second factor where one is required ({@link SecondFactor}), and security headers
 *       (Content-Security-Policy, frame denial, no-sniff, same-origin referrer). See decision 0012.
 *   <li><b>Token</b> (everything else): {@code /api/**} and {@code /taxii2/**} need an API token (Bearer or Basic);
 *       OpenAPI docs, Swagger UI and health are public. Stateless: no session is created or read, so a browser
 *       session never authenticates an API call and the API needs no CSRF protection.
 * </ul>
 */
@Configuration
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfig {

    private static final String HOW_TO_AUTHENTICATE =
            "Send an API token as 'Authorization: Bearer <token>' or as the password of HTTP Basic.";

    /** Content-Security-Policy of the web pages: only this origin, no plugins, no framing. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'self'; object-src 'none';" + " frame-ancestors 'none'; form-action 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain webSecurity(
            HttpSecurity http,
            WebAccounts accounts,
            OidcProperties oidc,
            ObjectProvider<ClientRegistrationRepository> clientRegistrations)
            throws Exception {
        // no fallback to the (empty) global user store: the providers below are the only ones
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
        http.securityMatcher("/login", "/login/**", "/logout", "/web", "/web/**", "/oauth2/**")
                .authenticationProvider(new PasswordSignIn(accounts))
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/web/account", false)
                        .failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterAfter(new SecondFactor.CodeFilter(accounts), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers("/login", "/login/oauth2/**", "/oauth2/**", "/logout")
                                .permitAll()
                                .requestMatchers(SecondFactor.PAGE)
                                .authenticated()
                                .anyRequest()
                                .access(SecondFactor.requirement(accounts)))
                .exceptionHandling(ex -> ex.accessDeniedHandler(DelegatingMissingAuthorityAccessDeniedHandler.builder()
                        .addEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(SecondFactor.PAGE), SecondFactor.TOTP_AUTHORITY)
                        .build()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (clientRegistrations.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .defaultSuccessUrl("/web/account", false)
                    .failureUrl("/login?error")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcAccounts(accounts, oidc))));
        }
        return http.build();
    }

    @Bean
    @Order(2)
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
                        // metrics count every organisation's requests: platform operators only
                        .requestMatchers("/actuator/**")
                        .hasRole(UserRole.PLATFORM_ADMIN.name())
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    /**
     * The global user store stays empty: API tokens and the web chain's own providers are the only ways in. This also
     * stops Boot from generating a default user with a logged password.
     */
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
        // a credential that was sent but refused is said so (unknown, revoked or expired: never which)
        String message = e instanceof org.springframework.security.authentication.BadCredentialsException
                ? "The API token or credentials sent are not valid (unknown, revoked or expired). "
                        + HOW_TO_AUTHENTICATE
                : HOW_TO_AUTHENTICATE;
        String body = taxii
                ? "{\"title\":\"Unauthorized\",\"description\":\"" + message + "\",\"http_status\":\"401\"}"
                : "{\"status\":401,\"error\":\"unauthorized\",\"message\":\"" + message + "\"}";
        response.getWriter().write(body);
    }
}
