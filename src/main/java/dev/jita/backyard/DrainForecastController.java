package dev.jita.backyard;

import dev.jita.core.ApiException;
import dev.jita.core.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/platform/maintenance-drain/forecast[?history=N]}: {@link DrainForecast} in the envelope. Beside
 * the drain's own endpoint; it lives here because it reads the backyards' items.
 */
@RestController
class DrainForecastController {

    private final DrainForecast forecast;

    DrainForecastController(DrainForecast forecast) {
        this.forecast = forecast;
    }

    @GetMapping({"/api/platform/maintenance-drain/forecast", "/api/platform/maintenance-drain/forecast/"})
    ApiResponse forecast(@RequestParam(name = "history", required = false) String history) {
        int runs = DrainForecast.DEFAULT_HISTORY;
        if (history != null) {
            try {
                runs = Integer.parseInt(history.trim());
            } catch (NumberFormatException e) {
                runs = 0;
            }
            if (runs < 1 || runs > DrainForecast.MAX_HISTORY) {
                throw ApiException.badRequest("drain.bad_history", DrainForecast.MAX_HISTORY);
            }
        }
        return ApiResponse.ok(DrainForecast.view(forecast.forecast(runs)));
    }
}
