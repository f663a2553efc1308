package org.jcu.sharing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jcu.audit.AuditAction;
import org.jcu.audit.AuditActor;
import org.jcu.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Appends every directory write over REST (POST, PUT, DELETE on organisations, users, tokens, communities, MoUs,
 * sharing groups) to the audit log as {@link AuditAction#DIRECTORY_WRITE}: who, organisation, source IP, request line
 * and the HTTP status it ended with (refused attempts are recorded too). Bodies are never logged (a token is issued
 * in one).
 */
@Configuration
class DirectoryAudit implements WebMvcConfigurer, HandlerInterceptor {

    static final List<String> PATHS = List.of(
            "/api/v1/organizations/**",
            "/api/v1/organizations",
            "/api/v1/users/**",
            "/api/v1/users",
            "/api/v1/tokens/**",
            "/api/v1/tokens",
            "/api/v1/communities/**",
            "/api/v1/communities",
            "/api/v1/mous/**",
            "/api/v1/mous",
            "/api/v1/sharing-groups/**",
            "/api/v1/sharing-groups");

    private final AuditLog audit;

    DirectoryAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(PATHS);
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception ex) {
        if ("GET".equals(request.getMethod())
                || "HEAD".equals(request.getMethod())
                || "OPTIONS".equals(request.getMethod())) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof JcuPrincipal user)) {
            return;
        }
        audit.record(
                AuditAction.DIRECTORY_WRITE,
                new AuditActor(user.userId(), user.username(), user.orgId()),
                request.getRemoteAddr(),
                0,
                List.of(),
                AuditLog.requestLine(request) + " -> " + response.getStatus());
    }
}
