package dev.jita.web;

import dev.jita.platform.UserTimeZones;
import dev.jita.security.JitaUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.WebUtils;

/** The {@link ReaderTime} of the request being answered, chosen once per request. */
@Component
class ReaderZones {

    private static final String ATTRIBUTE = ReaderZones.class.getName();

    private final UserTimeZones zones;

    ReaderZones(UserTimeZones zones) {
        this.zones = zones;
    }

    /** The reader's time for this request; UTC outside a request. */
    ReaderTime current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return ReaderTime.choose(Optional.empty(), null);
        }
        return of(attributes.getRequest());
    }

    ReaderTime of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof ReaderTime chosen) {
            return chosen;
        }
        ReaderTime chosen = ReaderTime.choose(stored(), browser(request));
        request.setAttribute(ATTRIBUTE, chosen);
        return chosen;
    }

    /** The logged-in user's own zone, if they chose one. */
    Optional<ZoneId> stored() {
        JitaUser me = PageModel.loggedIn();
        return me == null ? Optional.empty() : zones.of(me);
    }

    private static String browser(HttpServletRequest request) {
        Cookie cookie = WebUtils.getCookie(request, ReaderTime.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }
}
