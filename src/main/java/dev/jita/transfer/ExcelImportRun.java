package dev.jita.transfer;

import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.JobHandler;
import dev.jita.core.ApiException;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.util.CellReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an Excel bulk import item does: extracts the chosen workbooks from the uploaded zip (within the upload's
 * bounds), then, in one transaction of the maintenance gate, reads each workbook's first sheet as a stream and
 * applies its rows a page at a time through the menu's bulk maintenance ({@link MenuService#apply}), so that every
 * rule of the menu applies. All or nothing: any refusal rolls everything back, the item ends in 4 and
 * {@code ResultData_<no>.log} names the menu, sheet, Excel row and column of each; on success the log gives the
 * counts per menu. Load mode or Stop server side jobs switched ON meanwhile rolls everything back and sends the
 * item back to Unexecuted; it runs again once the modes are OFF.
 */
@Component
class ExcelImportRun {

    private static final int LOAD_MODE = 498;
    private static final int INVALID = 499;
    private static final int PAGE = 500;
    private static final long STOP_CHECK_NANOS = 100_000_000L;

    /** The refusals found: the transaction rolls back and they go to the result file. */
    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }

    /** Stop server side jobs (or load mode) is ON: the work rolls back and the item waits. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final ExcelJobs jobs;
    private final MenuTree tree;
    private final MenuService menus;
    private final TransferFiles files;
    private final MaintenanceGate gate;
    private final ObjectMapper json;
    private final ExcelImports imports;
    private final int maxRows;

    ExcelImportRun(ExcelJobs jobs, MenuTree tree, MenuService menus, TransferFiles files, MaintenanceGate gate,
                   ObjectMapper json, ExcelImports imports, @Value("${jita.excel-import.max-rows:100000}") int maxRows) {
        this.jobs = jobs;
        this.tree = tree;
        this.menus = menus;
        this.files = files;
        this.gate = gate;
        this.json = json;
        this.imports = imports;
        this.maxRows = maxRows;
    }

    JobHandler.Step run(ClaimedItem item, ExcelJobs.Job job) {
        String resultName = "ResultData_" + job.executionNo() + ".log";
        Path dir = null;
        List<String> refusals = new ArrayList<>();
        try {
            dir = Files.createTempDirectory("jita-excel-import-");
            Map<String, Path> workbooks = extract(job, dir);
            StringBuilder counts = new StringBuilder();
            long[] lastStopCheck = {System.nanoTime()};
            gate.write(Refusal.EXCEL_IMPORT, () -> {
                for (String rest : job.menus()) {
                    importMenu(item, job, rest, workbooks.get(rest), refusals, counts, lastStopCheck);
                }
                if (!refusals.isEmpty()) {
                    throw new Refused();
                }
                if (gate.current().backyardExecuteStop()) {
                    throw new Stopped();
                }
                jobs.setResult(job.executionNo(), resultName, files.store(text(
                        (job.japanese() ? "インポートが完了しました。\n" : "The import completed.\n") + counts)));
                return null;
            });
            return JobHandler.Step.end(ExcelExportJob.COMPLETED);
        } catch (Refused refused) {
            return refusedEnd(job, resultName, refusals);
        } catch (Stopped stopped) {
            return JobHandler.Step.again("Stop server side jobs or load mode was switched ON during the import; "
                    + "everything was rolled back. The import runs again once the modes are OFF.");
        } catch (ApiException e) {
            if (e.status() == LOAD_MODE) {
                return JobHandler.Step.again("Load mode (data_update_stop) was switched ON during the import (" + e.result()
                        + "); everything was rolled back. The import runs again once it is OFF.");
            }
            refusals.add(e.result() + ": " + e.getMessage());
            return refusedEnd(job, resultName, refusals);
        } catch (IOException e) {
            refusals.add("The uploaded zip could not be read: " + e.getMessage());
            return refusedEnd(job, resultName, refusals);
        } finally {
            if (dir != null) {
                remove(dir);
            }
        }
    }

    /** The chosen menus' workbooks as files, by REST name; a menu whose workbook is missing has none. */
    private Map<String, Path> extract(ExcelJobs.Job job, Path dir) throws IOException {
        Optional<InputStream> listing = files.open(job.fileId());
        if (listing.isEmpty()) {
            throw new IOException("the uploaded file is gone");
        }
        List<ExcelZip.Listed> listed;
        try (InputStream in = listing.get()) {
            listed = ExcelZip.check(in, imports.limits());
        }
        Map<String, String> pathByMenu = new LinkedHashMap<>();
        listed.forEach(menu -> pathByMenu.put(menu.restName(), menu.path()));
        Set<String> wanted = new HashSet<>();
        job.menus().stream().map(pathByMenu::get).filter(p -> p != null).forEach(wanted::add);
        Map<String, Path> byPath;
        try (InputStream in = files.open(job.fileId()).orElseThrow(() -> new IOException("the uploaded file is gone"))) {
            byPath = ExcelZip.extract(in, imports.limits(), wanted, dir);
        }
        Map<String, Path> byMenu = new LinkedHashMap<>();
        pathByMenu.forEach((menu, path) -> {
            if (byPath.containsKey(path)) {
                byMenu.put(menu, byPath.get(path));
            }
        });
        return byMenu;
    }

    /** Reads one workbook and applies its rows a page at a time; refusals are added, counts appended. */
    private void importMenu(ClaimedItem item, ExcelJobs.Job job, String rest, Path workbook, List<String> refusals,
                            StringBuilder counts, long[] lastStopCheck) {
        Optional<MenuTree.Entry> entry = tree.find(item.organizationId(), item.workspaceId(), rest, MenuTree.EXCEL_EXPORT);
        if (entry.isEmpty()) {
            refusals.add(rest + ": no menu of this workspace that can be imported has this REST name.");
            return;
        }
        MenuDefinition menu = entry.get().menu();
        String title = (job.japanese() ? menu.nameJa() : menu.nameEn()) + " (" + rest + ")";
        if (workbook == null) {
            refusals.add(title + ": " + (job.japanese() ? "ファイルがアップロードされていません。" : "File has not been uploaded."));
            return;
        }
        List<String> sheetNames;
        try {
            sheetNames = ExcelSheetReader.sheetNames(workbook);
        } catch (ExcelSheetReader.Unreadable e) {
            refusals.add(title + ": " + e.getMessage());
            return;
        }
        Set<String> expected = new java.util.LinkedHashSet<>(List.of(ExcelWorkbook.sheetName(menu.nameEn()),
                ExcelWorkbook.sheetName(menu.nameJa())));
        if (sheetNames.stream().noneMatch(expected::contains)) {
            refusals.add(title + ": 499-00402 the workbook has no sheet named after the menu (" + String.join(" / ", expected)
                    + ").");
            return;
        }
        String sheet = sheetNames.get(0);
        SheetImport sheetImport = new SheetImport(item, job.executionUser(), menu, title, sheet, refusals, lastStopCheck);
        try {
            ExcelSheetReader.readFirstSheet(workbook, sheetImport::row);
            sheetImport.flush();
            if (!sheetImport.headerSeen) {
                refusals.add(title + ", sheet \"" + sheet + "\": no header row (B \"Item name\", C \"Execution process "
                        + "type\") was found: not a workbook of jita's Excel export.");
            }
        } catch (ExcelSheetReader.Unreadable e) {
            refusals.add(title + ": " + e.getMessage());
        } catch (LayoutMismatch e) {
            return;
        } catch (TooManyRows e) {
            refusals.add(title + ", sheet \"" + sheet + "\": the sheet has more than " + maxRows
                    + " rows after its header row (jita.excel-import.max-rows); nothing was imported.");
        }
        counts.append(title).append(':');
        sheetImport.counts.forEach((type, n) -> counts.append(' ').append(type).append(' ').append(n));
        counts.append('\n');
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** One sheet's rows turned into operations, applied a page at a time. */
    private final class SheetImport {
        private final ClaimedItem item;
        private final String user;
        private final MenuDefinition menu;
        private final String title;
        private final String sheet;
        private final List<String> refusals;
        private final long[] lastStopCheck;
        private final List<ExcelWorkbook.Shown> english;
        private final List<ExcelWorkbook.Shown> japanese;
        private final List<MenuService.Operation> page = new ArrayList<>();
        private final List<Integer> pageRows = new ArrayList<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private boolean headerSeen;
        private int headerRow;

        SheetImport(ClaimedItem item, String user, MenuDefinition menu, String title, String sheet,
                    List<String> refusals, long[] lastStopCheck) {
            this.item = item;
            this.user = user;
            this.menu = menu;
            this.title = title;
            this.sheet = sheet;
            this.refusals = refusals;
            this.lastStopCheck = lastStopCheck;
            this.english = ExcelWorkbook.shownColumns(menu, false);
            this.japanese = ExcelWorkbook.shownColumns(menu, true);
            MenuService.Operation.TYPES.forEach(type -> counts.put(type, 0));
        }

        void row(ExcelSheetReader.SheetRow row) {
            if (!headerSeen) {
                header(row);
                return;
            }
            if (row.index() - headerRow > maxRows) {
                throw new TooManyRows();
            }
            stopCheck();
            gate.checkpoint();
            String label = row.cell(2).trim();
            int process = processIndex(label);
            if (process < 0) {
                if (!label.isEmpty() && !label.equals("-")) {
                    refusals.add(where(row.index(), 2, null) + ": \"" + label + "\" is not a process type (Register, "
                            + "Update, Discard, Restore).");
                }
                return;
            }
            page.add(operation(process, row));
            pageRows.add(row.index());
            if (page.size() == PAGE) {
                flush();
            }
        }

        private void header(ExcelSheetReader.SheetRow row) {
            boolean en = row.cell(1).equals(new ExcelWorkbook.Labels(false).itemName())
                    && row.cell(2).equals(new ExcelWorkbook.Labels(false).processType());
            boolean ja = row.cell(1).equals(new ExcelWorkbook.Labels(true).itemName())
                    && row.cell(2).equals(new ExcelWorkbook.Labels(true).processType());
            if (!en && !ja) {
                return;
            }
            headerSeen = true;
            headerRow = row.index();
            List<ExcelWorkbook.Shown> shown = en ? english : japanese;
            for (int c = 0; c < shown.size(); c++) {
                if (!row.cell(4 + c).equals(shown.get(c).name())) {
                    refusals.add(where(row.index(), 4 + c, null) + ": the column should be \"" + shown.get(c).name()
                            + "\" but is \"" + row.cell(4 + c) + "\": the workbook does not match the menu as it is "
                            + "now; export it again.");
                    throw new LayoutMismatch();
                }
            }
        }

        private MenuService.Operation operation(int process, ExcelSheetReader.SheetRow row) {
            ObjectNode parameter = json.createObjectNode();
            String type = MenuService.Operation.UPDATE;
            for (int c = 0; c < english.size(); c++) {
                ExcelWorkbook.Shown column = english.get(c);
                String value = row.cell(4 + c);
                String mark = column.marks()[process];
                if (mark.equals("×")) {
                    continue;
                }
                boolean password = column.column() != null && column.column().type() == ColumnType.PASSWORD;
                if (process >= 2 && !mark.equals("●")) {
                    continue;
                }
                if (value.isEmpty() && (process == 0 || password || process >= 2)) {
                    continue;
                }
                parameter.put(column.restName(), value.isEmpty() ? null : value);
            }
            switch (process) {
                case 0 -> type = MenuService.Operation.REGISTER;
                case 2 -> parameter.put("discard", "1");
                case 3 -> parameter.put("discard", "0");
                default -> { }
            }
            return new MenuService.Operation(type, parameter, null);
        }

        /** Applies the page read so far; its refusals are added by Excel row and column. */
        void flush() {
            if (page.isEmpty()) {
                return;
            }
            List<MenuService.Operation> operations = List.copyOf(page);
            List<Integer> rows = List.copyOf(pageRows);
            page.clear();
            pageRows.clear();
            stopCheck();
            try {
                MenuService.Applied applied = menus.apply(item.organizationId(), item.workspaceId(), menu.restName(),
                        () -> operations, user);
                applied.counts().forEach((type, n) -> counts.merge(type, n, Integer::sum));
            } catch (ApiException e) {
                if (e.status() != INVALID || !(e.data() instanceof Map<?, ?> data)
                        || !(data.get("errors") instanceof Map<?, ?> errors)) {
                    if (e.status() == INVALID || e.status() == 403) {
                        refusals.add(title + ": " + e.result() + " " + e.getMessage());
                        return;
                    }
                    throw e;
                }
                errors.forEach((index, columns) -> {
                    int excelRow = rows.get(Integer.parseInt(index.toString()));
                    ((Map<?, ?>) columns).forEach((column, reasons) -> refusals.add(where(excelRow,
                            excelColumn(column.toString()), column.toString()) + ": " + String.join("; ",
                            ((List<?>) reasons).stream().map(Object::toString).toList())));
                });
            }
        }

        private int excelColumn(String restName) {
            if (restName.equals("type")) {
                return 2;
            }
            if (restName.equals("discard")) {
                return 3;
            }
            for (int c = 0; c < english.size(); c++) {
                if (english.get(c).restName().equals(restName)) {
                    return 4 + c;
                }
            }
            return -1;
        }

        private String where(int rowIndex, int column, String restName) {
            String at = title + ", sheet \"" + sheet + "\", row " + (rowIndex + 1);
            if (column >= 0) {
                at += ", column " + CellReference.convertNumToColString(column);
            }
            return restName == null ? at : at + " (" + restName + ")";
        }

        private void stopCheck() {
            long now = System.nanoTime();
            if (now - lastStopCheck[0] >= STOP_CHECK_NANOS) {
                lastStopCheck[0] = now;
                if (gate.current().jobsStopped()) {
                    throw new Stopped();
                }
            }
        }
    }

    /** A header that does not match the menu: the sheet is not read further. */
    private static final class LayoutMismatch extends RuntimeException {
        LayoutMismatch() {
            super(null, null, false, false);
        }
    }

    private static int processIndex(String label) {
        int index = new ExcelWorkbook.Labels(false).processes().indexOf(label);
        return index >= 0 ? index : new ExcelWorkbook.Labels(true).processes().indexOf(label);
    }

    private JobHandler.Step refusedEnd(ExcelJobs.Job job, String resultName, List<String> refusals) {
        StringBuilder log = new StringBuilder(job.japanese()
                ? "インポートできない行があるため、何も書き込まれていません。\n"
                : "Nothing was imported: every refusal is listed below.\n");
        refusals.forEach(refusal -> log.append(refusal).append('\n'));
        try {
            gate.write(Refusal.EXCEL_IMPORT, () -> {
                jobs.setResult(job.executionNo(), resultName, files.store(text(log.toString())));
                return null;
            });
        } catch (ApiException e) {
            if (e.status() == LOAD_MODE) {
                return JobHandler.Step.again("Load mode was switched ON before the result was stored; the import "
                        + "runs again once it is OFF.");
            }
            throw e;
        }
        return JobHandler.Step.end(ExcelExportJob.COMPLETED_ERROR, refusals.size() + " refusal(s): nothing was "
                + "imported; see " + resultName + ".");
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void remove(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is removed with the system's temporary files.
        }
    }
}
