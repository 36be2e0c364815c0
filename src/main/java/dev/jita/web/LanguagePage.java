package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.core.Languages;
import dev.jita.platform.UserLanguages;
import dev.jita.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** Saves the page's language as the logged-in user's: the API then answers them in it when no header says otherwise. */
@Controller
class LanguagePage {

    private final UserLanguages languages;
    private final LocaleResolver localeResolver;

    LanguagePage(UserLanguages languages, LocaleResolver localeResolver) {
        this.languages = languages;
        this.localeResolver = localeResolver;
    }

    @PostMapping("/ui/language")
    String save(@RequestParam String lang, @RequestParam(defaultValue = "/") String page,
                HttpServletRequest request, HttpServletResponse response) {
        String back = localPath(page);
        Locale locale = Languages.supported(lang).orElse(null);
        if (locale == null) {
            return "redirect:" + back;
        }
        try {
            languages.set(CurrentUser.get(), lang);
        } catch (ApiException refused) {
            return "redirect:" + back + "?language_refused";
        }
        localeResolver.setLocale(request, response, locale);
        return "redirect:" + back;
    }

    /** Only a path of this site: never another host, so the form cannot be used to send a user elsewhere. */
    private static String localPath(String page) {
        boolean local = page.startsWith("/") && !page.startsWith("//") && page.chars()
                .allMatch(c -> c > 0x20 && c < 0x7f && c != '\\' && c != '?' && c != '#');
        return local ? page : "/";
    }
}
