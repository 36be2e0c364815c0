package dev.jita.transfer;

import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.JobHandler;
import dev.jita.core.ApiException;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What an Excel bulk export item does: writes {@code ITA_FILES_<YYYYMMDDhhmmss>.zip} (UTC) to a temporary file,
 * {@code MENU_LIST.txt} first, then one workbook per menu in {@code <group id>_<group name>/}, reading each menu a
 * page at a time; then stores the zip in {@link TransferFiles} and names it in the job's row, in one transaction
 * of the maintenance gate. The item ends in 3 (Completed), or 4 (Completed (error)) with the reason and nothing
 * stored; met by load mode at the store, it goes back to 1 (Unexecuted) with nothing stored and runs again once
 * the modes are OFF. The temporary files (the zip, POI's sheets) are removed in every case.
 */
@Component
class ExcelExportRun {

    private static final int LOAD_MODE = 498;
    private static final int PAGE = 500;
    private static final int MENU_NAME_LENGTH = 200;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** Why an export produced nothing; its message becomes the item's note. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    private record Planned(MenuTree.Entry entry, String path) {
    }

    private final ExcelJobs jobs;
    private final MenuTree tree;
    private final MenuService menus;
    private final TransferFiles files;
    private final MaintenanceGate gate;
    private final MenuExcel excel;

    ExcelExportRun(ExcelJobs jobs, MenuTree tree, MenuService menus, TransferFiles files, MaintenanceGate gate,
                   MenuExcel excel) {
        this.jobs = jobs;
        this.tree = tree;
        this.menus = menus;
        this.files = files;
        this.gate = gate;
        this.excel = excel;
    }

    JobHandler.Step run(ClaimedItem item) {
        Optional<ExcelJobs.Job> found = jobs.find(item.itemId());
        if (found.isEmpty()) {
            return JobHandler.Step.end(ExcelExportJob.COMPLETED_ERROR, "No Excel export was registered with this item.");
        }
        ExcelJobs.Job job = found.get();
        Path zip = null;
        try {
            zip = Files.createTempFile("jita-excel-export-", ".zip");
            Instant now = Times.now();
            String fileName = "ITA_FILES_" + STAMP.format(now) + ".zip";
            write(item, job, now, zip);
            Path written = zip;
            gate.write(Refusal.EXCEL_EXPORT, () -> {
                try (InputStream in = Files.newInputStream(written)) {
                    jobs.setFile(job.executionNo(), fileName, files.store(in));
                } catch (IOException e) {
                    throw new Refused("The export file could not be stored: " + e.getMessage());
                }
                return null;
            });
            return JobHandler.Step.end(ExcelExportJob.COMPLETED);
        } catch (Refused refused) {
            return JobHandler.Step.end(ExcelExportJob.COMPLETED_ERROR, refused.getMessage());
        } catch (ApiException refused) {
            if (refused.status() != LOAD_MODE) {
                throw refused;
            }
            return JobHandler.Step.again("Load mode (data_update_stop) was switched ON before the export file was "
                    + "stored (" + refused.result() + "); nothing was stored. The export runs again once it is OFF.");
        } catch (IOException | IllegalArgumentException e) {
            return JobHandler.Step.end(ExcelExportJob.COMPLETED_ERROR, "The workbooks could not be written: "
                    + e.getMessage());
        } finally {
            if (zip != null) {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException ignored) {
                    // A temporary file left behind is removed with the temporary directory.
                }
            }
        }
    }

    private void write(ClaimedItem item, ExcelJobs.Job job, Instant now, Path zip) throws IOException {
        String org = item.organizationId();
        String ws = item.workspaceId();
        boolean japanese = job.japanese();
        List<Planned> planned = plan(org, ws, job, STAMP.format(now));
        ExcelWorkbook.Labels labels = new ExcelWorkbook.Labels(japanese);
        JsonNode conditions = switch (job.abolishedType() == null ? 1 : job.abolishedType()) {
            case 2 -> excel.discard("0");
            case 3 -> excel.discard("1");
            default -> null;
        };
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8)) {
            out.putNextEntry(new ZipEntry("MENU_LIST.txt"));
            StringBuilder list = new StringBuilder();
            for (Planned menu : planned) {
                list.append('#').append(menu.entry().group().name(japanese)).append('\n')
                        .append(menu.entry().menu().restName()).append(':')
                        .append(menu.path().substring(menu.path().indexOf('/') + 1)).append('\n');
            }
            out.write(list.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Planned menu : planned) {
                MenuDefinition definition = menu.entry().menu();
                // A workbook is a zip already: deflating it again costs time and saves nothing.
                out.setLevel(Deflater.NO_COMPRESSION);
                out.putNextEntry(new ZipEntry(menu.path()));
                ExcelWorkbook.write(definition, labels, job.abolishedType() == null ? 1 : job.abolishedType(),
                        SHOWN.format(now), excel.pulldowns(org, ws, definition),
                        page -> menus.eachPage(org, ws, definition.restName(), conditions, PAGE, false, page),
                        new FileAnswer.KeptOpen(out));
                out.closeEntry();
            }
        }
    }

    /** The menus' paths in the zip, in the order asked; refused when one can no longer be exported. */
    private List<Planned> plan(String org, String ws, ExcelJobs.Job job, String stamp) {
        List<Planned> planned = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (String rest : job.menus()) {
            MenuTree.Entry entry = tree.find(org, ws, rest, MenuTree.EXCEL_EXPORT)
                    .orElseThrow(() -> new Refused("The menu " + rest + " no longer exists or can no longer be exported."));
            String folder = entry.group().id + "_" + entry.group().name(job.japanese()).replace("/", "_");
            String name = MenuExcel.safe(job.japanese() ? entry.menu().nameJa() : entry.menu().nameEn());
            name = name.substring(0, Math.min(name.length(), MENU_NAME_LENGTH));
            String path = folder + "/" + name + "_" + stamp + ".xlsx";
            for (int n = 2; !paths.add(path); n++) {
                path = folder + "/" + name + "_" + stamp + "_" + n + ".xlsx";
            }
            planned.add(new Planned(entry, path));
        }
        return planned;
    }
}
