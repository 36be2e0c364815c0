package dev.jita.drivers.terraform;

import dev.jita.menu.RecordCheck;
import dev.jita.parametersheet.SheetValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-registration settings of both Terraform drivers name items of Operation parameter sheets. */
@Configuration(proxyBeanMethods = false)
class TerraformAutoRegistration {

    @Bean
    RecordCheck terraformCliAutoRegistrationCheck(SheetValues sheetValues) {
        return sheetValues.settingCheck(TerraformMenuSet.CLI.autoRegistration, SheetValues.Target.OPERATION);
    }

    @Bean
    RecordCheck terraformCloudEpAutoRegistrationCheck(SheetValues sheetValues) {
        return sheetValues.settingCheck(TerraformMenuSet.CLOUD_EP.autoRegistration, SheetValues.Target.OPERATION);
    }
}
