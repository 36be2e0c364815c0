package dev.jita.web;

import dev.jita.security.JitaUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows: the banner, who is logged in, the language. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final Banner banner;

    PageModel(Banner banner) {
        this.banner = banner;
    }

    @ModelAttribute
    void common(Model model) {
        JitaUser me = loggedIn();
        model.addAttribute("banner", banner.now(LocaleContextHolder.getLocale(), me != null));
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("me", me);
    }

    /** The user of this request's session, or null on a public page seen without one. */
    static JitaUser loggedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof JitaUser user ? user : null;
    }
}
