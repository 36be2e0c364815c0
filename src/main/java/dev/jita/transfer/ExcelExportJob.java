package dev.jita.transfer;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code ita-by-excel-export-import} backyard's job on this node (see {@link ExcelExportRun}).
 * {@code jita.excel-export-import.enabled=false} leaves the items to other nodes.
 */
@Configuration
class ExcelExportJob {

    static final int COMPLETED = 3;
    static final int COMPLETED_ERROR = 4;

    @Bean
    @ConditionalOnProperty(name = "jita.excel-export-import.enabled", havingValue = "true", matchIfMissing = true)
    JobHandler excelExportImportHandler(ExcelExportRun export) {
        return new JobHandler() {
            @Override
            public Backyard backyard() {
                return Backyard.EXCEL_EXPORT_IMPORT;
            }

            @Override
            public Step run(ClaimedItem item, ItemProgress progress) {
                return export.run(item);
            }
        };
    }
}
