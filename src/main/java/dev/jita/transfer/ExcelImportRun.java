package dev.jita.transfer;

import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.JobHandler;
import dev.jita.core.ApiException;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * What an Excel bulk import item does: extracts the chosen workbooks from the uploaded zip (within the upload's
 * bounds), then, in one transaction of the maintenance gate, applies each workbook to its menu ({@link SheetImport},
 * the same as the per-menu Excel maintenance), so that every rule of the menu applies. All or nothing: any refusal rolls everything back, the item ends in 4 and
 * {@code ResultData_<no>.log} names the menu, sheet, Excel row and column of each; on success the log gives the
 * counts per menu. Load mode or Stop server side jobs switched ON meanwhile rolls everything back and sends the
 * item back to Unexecuted; it runs again once the modes are OFF.
 */
@Component
class ExcelImportRun {

    private static final int LOAD_MODE = 498;
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
        SheetImport sheet = new SheetImport(menus, gate, json, item.organizationId(), item.workspaceId(),
                job.executionUser(), menu, maxRows, job.japanese(), () -> stopCheck(lastStopCheck));
        sheet.apply(workbook);
        sheet.refusals().forEach(refusal -> refusals.add(refusal.text(title)));
        counts.append(title).append(':');
        sheet.counts().forEach((type, n) -> counts.append(' ').append(type).append(' ').append(n));
        counts.append('\n');
    }

    /** Every 100 ms, a look at the committed modes: Stop server side jobs or load mode ON stops the import. */
    private void stopCheck(long[] lastStopCheck) {
        long now = System.nanoTime();
        if (now - lastStopCheck[0] >= STOP_CHECK_NANOS) {
            lastStopCheck[0] = now;
            if (gate.current().jobsStopped()) {
                throw new Stopped();
            }
        }
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
