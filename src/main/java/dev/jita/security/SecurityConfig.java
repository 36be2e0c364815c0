package dev.jita.security;

import dev.jita.core.ApiException;
import dev.jita.core.EnvelopeWriter;
import dev.jita.core.UntrustedText;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    private static final String SYSTEM_ADMIN = JitaUser.ROLE_SYSTEM_ADMIN;
    private static final String ORG_USER = JitaUser.ROLE_ORG_USER;
    private static final String ORG_MANAGER = JitaUser.ROLE_ORG_MANAGER;
    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    /**
     * The firewall refuses paths with {@code ..}, {@code //}, {@code ;}, an encoded {@code /}, {@code \} or
     * {@code %}, or a control character, and methods outside the standard ones: answered in the envelope.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(EnvelopeWriter envelope) {
        return (request, response, rejected) -> envelope.write(request, response,
                STANDARD_METHODS.contains(request.getMethod())
                        ? ApiException.badRequest("error.request_rejected")
                        : new ApiException("405-00001", "error.method_not_allowed",
                                UntrustedText.forLog(request.getMethod()), UntrustedText.forLog(request.getRequestURI())));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, Authenticator authenticator, EnvelopeWriter envelope)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BasicAuthFilter(authenticator, envelope),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"jita\"");
                            envelope.write(request, response, new ApiException("401-00002", "error.unauthenticated"));
                        })
                        .accessDeniedHandler((request, response, ex) ->
                                envelope.write(request, response, ApiException.forbidden())))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/platform/**", "/api/ita/**").hasRole(SYSTEM_ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/*/platform/workspaces", "/api/*/platform/workspaces/*")
                        .hasRole(ORG_USER)
                        .requestMatchers("/api/*/platform/workspaces", "/api/*/platform/workspaces/**",
                                "/api/*/platform/users", "/api/*/platform/users/**",
                                "/api/*/platform/usages", "/api/*/platform/usages/**").hasRole(ORG_MANAGER)
                        .requestMatchers("/api/*/**").hasRole(ORG_USER)
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * The web UI: a session after a form login, CSRF tokens on its forms; the session ends at the next request
     * once its account has changed.
     */
    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(HttpSecurity http, Authenticator authenticator, AccountLookup accounts)
            throws Exception {
        http.securityMatcher("/", "/login", "/logout", "/admin/**", "/ui/**")
                .authenticationProvider(new UiLoginProvider(authenticator))
                // After the CSRF check, so that a form posted from an ended session is sent to the login page.
                .addFilterBefore(new SessionAccountFilter(accounts), AnonymousAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .authenticationDetailsSource(request -> request.getParameter("organization"))
                        .defaultSuccessUrl("/", true)
                        .failureHandler(loginFailure()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login"))
                // A refusal (another role's page, a form without its CSRF token) is the web UI's 403 page.
                .exceptionHandling(e -> e.accessDeniedPage("/ui/forbidden"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/ui/banner", "/ui/forbidden").permitAll()
                        .requestMatchers("/admin/**", "/ui/admin/**").hasRole(SYSTEM_ADMIN)
                        .anyRequest().authenticated());
        return http.build();
    }

    private static AuthenticationFailureHandler loginFailure() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(Map.of(UiLoginProvider.NotCheckedNow.class.getName(), "/login?error=retry"));
        return handler;
    }

    @Bean
    @Order(3)
    SecurityFilterChain otherSecurity(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
