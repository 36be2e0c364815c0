package dev.jita.security;

import dev.jita.core.ApiException;
import dev.jita.core.EnvelopeWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for the API, with two kinds of realm: the system administrators on /api/platform and /api/ita,
 * and each organization's own users on /api/{organization_id}. An organization's users are checked against
 * that organization only, so a user of one organization can never authenticate on another.
 */
class BasicAuthFilter extends OncePerRequestFilter {

    private final Authenticator authenticator;
    private final EnvelopeWriter envelope;

    BasicAuthFilter(Authenticator authenticator, EnvelopeWriter envelope) {
        this.authenticator = authenticator;
        this.envelope = envelope;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean system = ApiPaths.isSystemPath(path);
        String organizationId = ApiPaths.organizationOf(path);
        if (!system && organizationId == null) {
            chain.doFilter(request, response);
            return;
        }
        if (organizationId != null && !authenticator.organizationExists(organizationId)) {
            envelope.write(request, response, ApiException.notFound("error.organization_not_found", organizationId));
            return;
        }
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String[]> credentials = decode(header);
        if (credentials.isEmpty()) {
            unauthenticated(request, response);
            return;
        }
        Optional<JitaUser> user;
        try {
            user = authenticator.authenticate(organizationId, credentials.get()[0], credentials.get()[1]);
        } catch (LoginRefused refused) {
            envelope.write(request, response, refused.asApiException());
            return;
        }
        if (user.isEmpty()) {
            unauthenticated(request, response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().authorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Optional<String[]> decode(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon > 64) {
                return Optional.empty();
            }
            return Optional.of(new String[] {pair.substring(0, colon), pair.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void unauthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"jita\"");
        envelope.write(request, response, new ApiException("401-00002", "error.unauthenticated"));
    }

}
