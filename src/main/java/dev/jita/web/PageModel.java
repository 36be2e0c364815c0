package dev.jita.web;

import dev.jita.platform.UserLanguages;
import dev.jita.security.JitaUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page shows: the banner, a maintenance window's notice, who is logged in, the language and the one the
 * user saved, and the reader's time ({@code time}: the zone pages show times in, and their format).
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final Banner banner;
    private final UserLanguages languages;
    private final ReaderZones readers;

    PageModel(Banner banner, UserLanguages languages, ReaderZones readers) {
        this.banner = banner;
        this.languages = languages;
        this.readers = readers;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        model.addAllAttributes(attributes(request));
    }

    /** The same for a page rendered outside a page handler (the error pages). */
    Map<String, Object> attributes(HttpServletRequest request) {
        JitaUser me = loggedIn();
        Map<String, Object> model = new HashMap<>();
        model.put("banner", banner.now(LocaleContextHolder.getLocale(), me != null));
        model.put("notice", banner.notice());
        model.put("lang", LocaleContextHolder.getLocale().getLanguage());
        model.put("me", me);
        model.put("myLanguage", me == null ? null : languages.of(me).orElse(null));
        model.put("here", request.getRequestURI());
        model.put("time", readers.of(request));
        return model;
    }

    /** The user of this request's session, or null on a public page seen without one. */
    static JitaUser loggedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof JitaUser user ? user : null;
    }
}
