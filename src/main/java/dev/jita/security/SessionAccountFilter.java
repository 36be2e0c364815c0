package dev.jita.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a web UI session whose account has changed since the login: deleted (with its organization too),
 * disabled, given a new password, or given another role. It reads the account from the database on every
 * UI request (one primary-key query), so a change made through any node ends the session at its next
 * request on every node. The request then goes on as an anonymous one: a page redirects to the login.
 */
class SessionAccountFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionAccountFilter.class);

    private final AccountLookup accounts;

    SessionAccountFilter(AccountLookup accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof SessionLogin login && !current(login)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            JitaUser user = login.user();
            log.info("Ended the web session of '{}'{}: the account was deleted, disabled, or its password or role changed",
                    user.username(), user.organizationId() == null ? "" : " of organization '" + user.organizationId() + "'");
        }
        chain.doFilter(request, response);
    }

    private boolean current(SessionLogin login) {
        JitaUser user = login.user();
        if (user.systemAdmin()) {
            return accounts.systemAdminHash(user.username()).map(login::loggedInWith).orElse(false);
        }
        return accounts.orgUser(user.organizationId(), user.username())
                .filter(account -> account.manager() == user.organizationManager())
                .map(account -> login.loggedInWith(account.passwordHash()))
                .orElse(false);
    }
}
