package dev.jita.transfer;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code ita-by-menu-export-import} backyard's job on this node, an export or an import ({@link MenuImportRun})
 * by the request's execution type: an export ends in 3 (Completed) with its
 * archive and log, or in 4 (Completed (error)) with its log and the reason as the item's note; met by load mode,
 * it goes back to 1 (Unexecuted) with nothing kept (see {@link MenuExportRun}).
 * {@code jita.menu-export-import.enabled=false} leaves the items to other nodes.
 */
@Configuration
class MenuExportJob {

    @Bean
    JobHandler menuExportImportHandler(MenuExportRun export, MenuImportRun imports, MenuExportStore store) {
        return new JobHandler() {
            @Override
            public Backyard backyard() {
                return Backyard.MENU_EXPORT_IMPORT;
            }

            @Override
            public Step run(ClaimedItem item, ItemProgress progress) {
                MenuExportStore.Row row = store.find(item.itemId()).orElse(null);
                if (row != null && row.executionType() == MenuExportStore.IMPORT) {
                    return imports.run(item, row, progress);
                }
                return export.run(item, progress);
            }
        };
    }
}
