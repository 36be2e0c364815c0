package dev.jita.backyard;

import dev.jita.core.ApiResponse;
import dev.jita.core.Messages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Backyard activation status bulk acquirement: {@link ExecuteCheck}'s snapshot in the API's envelope. */
@RestController
class ExecuteCheckController {

    private final ExecuteCheck check;

    ExecuteCheckController(ExecuteCheck check) {
        this.check = check;
    }

    @GetMapping({"/api/ita/backyard-execute-check/", "/api/ita/backyard-execute-check"})
    ApiResponse check(HttpServletRequest request) {
        return ApiResponse.ok(check.snapshot(Messages.locale(request).equals(Locale.JAPANESE)));
    }
}
