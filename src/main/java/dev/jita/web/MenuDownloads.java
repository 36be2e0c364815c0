package dev.jita.web;

import dev.jita.core.ApiException;
import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import dev.jita.platform.WorkspaceAccess;
import dev.jita.transfer.MenuExcel;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A menu table's records as a file, as the page's URL searches and sorts them: JSON (the records as {@code filter/}
 * answers them, files in base64, which the page's upload takes back) or an Excel workbook of the Excel export's
 * layout. Whoever may read the workspace may download; at most {@link MenuExcel#maxDownloadRows} records, else
 * 400 before anything is sent.
 */
@Controller
class MenuDownloads {

    private static final int PAGE = 500;

    private final WorkspaceAccess access;
    private final MenuCatalog catalog;
    private final MenuService menus;
    private final MenuExcel excel;
    private final ObjectMapper json;
    private final ReaderZones readers;

    MenuDownloads(WorkspaceAccess access, MenuCatalog catalog, MenuService menus, MenuExcel excel, ObjectMapper json,
                  ReaderZones readers) {
        this.readers = readers;
        this.access = access;
        this.catalog = catalog;
        this.menus = menus;
        this.excel = excel;
        this.json = json;
    }

    @GetMapping("/ui/ws/{org}/{ws}/menu/{menu}/download/json")
    void downloadJson(@PathVariable String org, @PathVariable String ws, @PathVariable String menu,
                      @RequestParam Map<String, String> query, HttpServletResponse response) throws IOException {
        MenuTable table = table(org, ws, menu, query);
        ObjectNode conditions = table.conditions(json);
        long total = menus.count(org, ws, menu, conditions);
        if (total > excel.maxDownloadRows()) {
            throw ApiException.badRequest("excel.too_many_records", total, excel.maxDownloadRows());
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        attachment(response, menu + ".json");
        OutputStream out = response.getOutputStream();
        out.write('[');
        boolean[] first = {true};
        Consumer<List<MenuService.Record>> page = records -> records.forEach(record -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("parameter", record.parameter());
            item.put("file", record.file());
            try {
                if (!first[0]) {
                    out.write(',');
                }
                first[0] = false;
                out.write('\n');
                out.write(json.writeValueAsBytes(item));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (table.sort() == null) {
            menus.eachPage(org, ws, menu, conditions, PAGE, true, page);
        } else {
            for (int offset = 0; ; offset += PAGE) {
                List<MenuService.Record> found = menus.search(org, ws, menu, conditions, table.sort(), offset, PAGE, true);
                page.accept(found);
                if (found.size() < PAGE) {
                    break;
                }
            }
        }
        out.write("\n]\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @GetMapping("/ui/ws/{org}/{ws}/menu/{menu}/download/excel")
    void downloadExcel(@PathVariable String org, @PathVariable String ws, @PathVariable String menu,
                       @RequestParam Map<String, String> query, HttpServletResponse response) throws IOException {
        MenuTable table = table(org, ws, menu, query);
        boolean japanese = LocaleContextHolder.getLocale().getLanguage().equals("ja");
        try (MenuExcel.Workbook workbook = excel.download(org, ws, menu, table.conditions(json), table.sort(), false,
                japanese); InputStream in = Files.newInputStream(workbook.file())) {
            response.setContentType(MenuExcel.CONTENT_TYPE);
            attachment(response, workbook.fileName());
            response.setContentLengthLong(Files.size(workbook.file()));
            in.transferTo(response.getOutputStream());
        }
    }

    /** The search of the page's URL; a discarded choice the page does not offer is refused as the page does. */
    private MenuTable table(String org, String ws, String menu, Map<String, String> query) {
        access.requireRead(org, ws);
        MenuDefinition definition = catalog.get(org, ws, menu);
        List<Column> columns = definition.columns().stream().filter(c -> c.type() != ColumnType.ID).toList();
        MenuTable table = MenuTable.of(columns, query, "/ui/ws/" + org + "/" + ws + "/menu/" + menu,
                LocaleContextHolder.getLocale().getLanguage().equals("ja"), readers.current());
        if (!table.discardedKnown()) {
            throw ApiException.badRequest("ui.menu.bad_discarded", table.discarded());
        }
        return table;
    }

    private static void attachment(HttpServletResponse response, String fileName) {
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
