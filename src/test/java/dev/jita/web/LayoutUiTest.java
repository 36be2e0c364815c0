package dev.jita.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.BrowserTest;
import dev.jita.test.Http;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The main pages in a real browser, in each language, at 1400 and 800 pixels: no word cut in two, the
 * navigation behind a menu button on the narrow window, wide tables scrolling in their own box, the skip link
 * first, every text's contrast at least 4.5:1 and the focus ring's 3:1; and times in the browser's zone.
 */
class LayoutUiTest extends BrowserTest {

    private static final String WINDOWS = "/api/platform/maintenance-windows";

    /** The ASCII words of the page that are laid out on more than one line, and cells allowed to cut words. */
    private static final String BROKEN_WORDS = """
            var offenders = [];
            var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            var word = /[A-Za-z0-9_.@:\\/]{2,}/g;
            var node;
            while ((node = walker.nextNode())) {
              var element = node.parentElement;
              if (!element || element.closest('svg, script, style, option, datalist, textarea, .visually-hidden')) {
                continue;
              }
              var match;
              word.lastIndex = 0;
              while ((match = word.exec(node.textContent))) {
                var range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                var rects = Array.prototype.filter.call(range.getClientRects(), function (r) { return r.width > 0; });
                if (rects.some(function (r) { return Math.abs(r.top - rects[0].top) > 2; })) {
                  offenders.push(match[0] + ' in <' + element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + '>');
                }
              }
            }
            document.querySelectorAll('td, th').forEach(function (cell) {
              var style = getComputedStyle(cell);
              if (style.wordBreak === 'break-all' || style.overflowWrap === 'anywhere') {
                offenders.push('a cell that may cut words: ' + cell.textContent.trim().slice(0, 30));
              }
            });
            return offenders;
            """;

    /** WCAG's contrast, the background composed from the element up through its ancestors. */
    private static final String CONTRAST = """
            function parse(text) {
              var m = text.match(/rgba?\\(([^)]+)\\)/);
              if (!m) { return null; }
              var p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
              return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
            }
            function over(top, bottom) {
              var a = top[3];
              return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
            }
            function background(element) {
              var layers = [];
              for (var e = element; e; e = e.parentElement) {
                var c = parse(getComputedStyle(e).backgroundColor);
                if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) { break; } }
              }
              var result = [255, 255, 255, 1];
              for (var i = layers.length - 1; i >= 0; i--) { result = over(layers[i], result); }
              return result;
            }
            function luminance(c) {
              var v = c.slice(0, 3).map(function (x) { x /= 255; return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
              return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
            }
            function ratio(a, b) {
              var x = luminance(a), y = luminance(b);
              return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
            }
            function describe(element) {
              return '<' + element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().replace(/\\s+/g, '.') : '') + '>';
            }
            """;

    private static final String TEXT_CONTRAST = CONTRAST + """
            var offenders = [];
            var checked = 0;
            document.querySelectorAll('body *').forEach(function (element) {
              if (element.closest('svg, script, style, option, datalist, head')) { return; }
              var own = Array.prototype.some.call(element.childNodes, function (n) {
                return n.nodeType === 3 && n.textContent.trim() !== '';
              });
              var style = getComputedStyle(element);
              if (!own || style.visibility === 'hidden' || element.getClientRects().length === 0) { return; }
              var back = background(element);
              var color = over(parse(style.color), back);
              var r = ratio(color, back);
              checked++;
              if (r < 4.5) {
                offenders.push(describe(element) + ' "' + element.textContent.trim().slice(0, 30) + '" ' + r.toFixed(2)
                  + ' (' + style.color + ' on ' + back.slice(0, 3).join(',') + ')');
              }
            });
            return {checked: checked, offenders: offenders};
            """;

    private static final String FOCUS_RING = CONTRAST + """
            var element = document.activeElement;
            var style = getComputedStyle(element);
            var ring = parse(style.outlineColor);
            var behind = background(element.parentElement || element);
            return {element: describe(element), style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                    ratio: ring ? ratio(over(ring, behind), behind) : 0};
            """;

    private TestWorkspace ws;
    private String windowId;

    @BeforeEach
    void aWorkspaceWithRecordsAndAWindow() {
        ws = newWorkspace("layout");
        List<Map<String, Object>> devices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("host_name", "host-with-a-rather-long-name-" + i + ".example.internal");
            device.put("ip_address", "192.0.2." + (10 + i));
            device.put("connection_type", "ssh");
            device.put("protocol", "ssh");
            device.put("login_user", "automation_user_" + i);
            devices.add(device);
        }
        Http.Reply reply = ws.member().post(ws.menus() + "device_list/maintenance/all/",
                devices.stream().map(p -> Map.of("type", "Register", "parameter", p)).toList());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("start", "2031-01-05T16:04:05Z");
        window.put("end", null);
        window.put("modes", List.of("backyard_execute_stop"));
        window.put("reason", "layout check");
        Http.Reply scheduled = admin().post(WINDOWS, window);
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        windowId = scheduled.data().path("id").asString();
    }

    @AfterEach
    void cancelTheWindow() {
        if (windowId != null) {
            admin().delete(WINDOWS + "/" + windowId);
        }
    }

    private Object script(String body) {
        return ((JavascriptExecutor) browser).executeScript(body);
    }

    private void size(int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
        session.live().until(d -> ((Number) script("return window.innerWidth;")).intValue() <= width);
    }

    private void open(String path) {
        browser.get(session.url(path));
        session.live().until(d -> "complete".equals(script("return document.readyState;")));
    }

    @SuppressWarnings("unchecked")
    private void checkPage(String path, int width, boolean wideTable) throws IOException {
        open(path);
        if (wideTable) {
            session.screenshot("menu-table-" + script("return document.documentElement.lang;") + "-" + width);
        }
        String where = path + " at " + width + " px";
        assertThat((List<String>) script(BROKEN_WORDS)).as("words cut on " + where).isEmpty();
        Map<String, Object> contrast = (Map<String, Object>) script(TEXT_CONTRAST);
        assertThat(((Number) contrast.get("checked")).intValue()).as(where).isGreaterThan(10);
        assertThat((List<String>) contrast.get("offenders")).as("text below 4.5:1 on " + where).isEmpty();
        assertThat((List<String>) script(CONTRAST + """
                var out = [];
                if (document.documentElement.scrollWidth > window.innerWidth) {
                  document.querySelectorAll('body *').forEach(function (e) {
                    var box = e.parentElement && e.parentElement.closest('.scroll, .table-scroll');
                    if (!box && e.getBoundingClientRect().right > window.innerWidth + 1 && out.length < 5) {
                      out.push(describe(e) + ' ' + Math.round(e.getBoundingClientRect().right));
                    }
                  });
                  out.push('scrollWidth ' + document.documentElement.scrollWidth);
                }
                return out;
                """)).as("the page itself never scrolls sideways: " + where).isEmpty();

        WebElement menuButton = browser.findElement(By.id("menu-button"));
        WebElement menu = browser.findElement(By.id("top-menu"));
        if (width > 800) {
            assertThat(menuButton.isDisplayed()).as(where).isFalse();
            assertThat(menu.isDisplayed()).as(where).isTrue();
        } else {
            assertThat(menuButton.isDisplayed()).as(where).isTrue();
            assertThat(menu.isDisplayed()).as(where).isFalse();
            assertThat(browser.findElements(By.id("side-nav"))).as(where).allMatch(side -> !side.isDisplayed());
        }
        if (wideTable && width <= 800) {
            assertThat(((Number) script("var box = document.querySelector('#records').parentElement;"
                    + "return box.scrollWidth - box.clientWidth;")).intValue())
                    .as("the wide table scrolls in its box: " + where).isPositive();
        }
        skipLinkAndFocusRing(where, width);
    }

    @SuppressWarnings("unchecked")
    private void skipLinkAndFocusRing(String where, int width) {
        script("document.activeElement && document.activeElement.blur();");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(script("return document.activeElement.id;")).as("first tab stop on " + where).isEqualTo("skip-link");
        assertThat(browser.findElement(By.id("skip-link")).isDisplayed()).isTrue();
        List<String> weak = new ArrayList<>();
        for (int stop = 0; stop < 16; stop++) {
            Map<String, Object> ring = (Map<String, Object>) script(FOCUS_RING);
            if ("<body>".equals(ring.get("element"))) {
                // Past the page's last stop: focus has left for the browser.
                break;
            }
            if (!"none".equals(ring.get("style")) && ((Number) ring.get("width")).doubleValue() >= 2
                    && ((Number) ring.get("ratio")).doubleValue() >= 3) {
                new Actions(browser).sendKeys(Keys.TAB).perform();
                continue;
            }
            weak.add(ring.toString());
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertThat(weak).as("focus rings below 3:1 on " + where).isEmpty();

        script("document.getElementById('skip-link').focus();");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        session.live().until(d -> "content".equals(script("return document.activeElement.id;")));

        if (width <= 800) {
            WebElement button = browser.findElement(By.id("menu-button"));
            button.sendKeys(Keys.ENTER);
            session.live().until(d -> browser.findElement(By.id("top-menu")).isDisplayed());
            assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("true");
            assertThat(browser.findElement(By.id("reader-zone")).isDisplayed()).isTrue();
            assertThat(browser.findElements(By.id("side-nav"))).allMatch(WebElement::isDisplayed);
            button.sendKeys(Keys.SPACE);
            session.live().until(d -> !browser.findElement(By.id("top-menu")).isDisplayed());
            assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void theMainPagesAtTwoWidths(String lang) throws IOException {
        String org = ws.org();
        session.logIn(org, "owner", "owner-pass");
        open("/ui/workspaces?lang=" + lang);
        List<String> ownerPages = List.of("/ui/ws/" + org + "/ws1/menu/device_list", "/ui/ws/" + org + "/ws1/ansible",
                "/ui/org/" + org + "/users", "/ui/time-zone");
        for (int width : new int[] {1400, 800}) {
            size(width);
            for (String path : ownerPages) {
                checkPage(path, width, path.endsWith("device_list"));
            }
        }
        browser.manage().deleteAllCookies();
        session.logIn("", ADMIN, ADMIN_PASSWORD);
        open("/admin/maintenance?lang=" + lang);
        for (int width : new int[] {1400, 800}) {
            size(width);
            for (String path : List.of("/admin/maintenance", "/admin/organizations", "/admin/organizations/" + org)) {
                checkPage(path, width, false);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void timesInTheBrowsersZone(String lang) {
        ChromeDriver chromium = (ChromeDriver) browser;
        chromium.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
        try {
            session.logIn("", ADMIN, ADMIN_PASSWORD);
            // The login page told the server the browser's zone: the console shows the window's start in it.
            open("/admin/maintenance?lang=" + lang);
            assertThat(browser.findElement(By.id("reader-zone")).getText()).isEqualTo("Asia/Tokyo");
            assertThat(browser.findElement(By.cssSelector("#window-" + windowId + " time")).getText())
                    .isEqualTo("2031/01/06 01:04:05");
            assertThat(browser.findElement(By.cssSelector("label[for='window-start']")).getText()).contains("Asia/Tokyo");
            // The script's own formatting agrees with the server's.
            assertThat(script("return jita.time('2031-01-05T16:04:05Z');")).isEqualTo("2031/01/06 01:04:05");
        } finally {
            chromium.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
    }
}
