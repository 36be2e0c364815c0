package dev.jita.transfer;

import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node, now and then, removes the menu-import and Excel uploads nobody imported within
 * {@code jita.transfer.upload-keep}, then the files nothing refers to any more (those uploads', and the jobs' of
 * deleted workspaces, whose rows went with the workspace). Each step is an idempotent delete, so nodes may sweep
 * at the same time; an import being registered holds its upload's row lock, and the sweep waits for it. Nothing is
 * removed in load mode, which promises that no data changes.
 */
@Component
class TransferSweep {

    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(TransferSweep.class);

    private final MaintenanceGate gate;
    private final MenuExportStore menuUploads;
    private final ExcelUploads excelUploads;
    private final TransferFiles files;
    private final Duration keep;

    TransferSweep(MaintenanceGate gate, MenuExportStore menuUploads, ExcelUploads excelUploads, TransferFiles files,
                  @Value("${jita.transfer.upload-keep:24h}") Duration keep) {
        this.gate = gate;
        this.menuUploads = menuUploads;
        this.excelUploads = excelUploads;
        this.files = files;
        this.keep = keep;
    }

    @Scheduled(fixedDelayString = "${jita.transfer.sweep-interval:10m}",
            initialDelayString = "${jita.transfer.sweep-interval:10m}")
    void sweep() {
        try {
            if (gate.current().dataUpdateStop()) {
                return;
            }
            Instant before = Times.now().minus(keep);
            int uploads = menuUploads.deleteUploadsBefore(before) + excelUploads.deleteBefore(before);
            int removed = 0;
            int batch;
            do {
                batch = files.deleteUnreferred(before, BATCH);
                removed += batch;
            } while (batch == BATCH);
            if (uploads + removed > 0) {
                log.info("Removed {} uploads not imported within {} and {} files nothing refers to", uploads, keep,
                        removed);
            }
        } catch (DataAccessException e) {
            log.warn("The sweep of transfer uploads and files failed; it runs again later", e);
        }
    }
}
