package dev.jita.web;

import dev.jita.core.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Where the web UI's security sends a refused request (a page of another role, a form without its token). */
@Controller
class ForbiddenPage {

    static final String PATH = "/ui/forbidden";

    private final ErrorPages errors;

    ForbiddenPage(ErrorPages errors) {
        this.errors = errors;
    }

    @RequestMapping(PATH)
    ModelAndView forbidden(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return errors.page(request, ApiException.forbidden());
    }
}
