package dev.jita.web;

import java.time.Duration;
import dev.jita.core.Languages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The web UI's language: English or Japanese, chosen with ?lang= and kept in a cookie; without the cookie, the
 * logged-in user's stored language, else {@code jita.default-language}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver(Languages languages) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("jita-lang");
        resolver.setDefaultLocaleFunction(request -> languages.forCaller());
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        // ?lang=<anything else> keeps the current language rather than failing the page.
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/", "/login", "/admin/**", "/ui/**");
    }
}
