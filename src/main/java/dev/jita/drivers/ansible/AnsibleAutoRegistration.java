package dev.jita.drivers.ansible;

import dev.jita.menu.RecordCheck;
import dev.jita.parametersheet.SheetValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-registration settings of Ansible (legacy) name items of Host/Operation parameter sheets. */
@Configuration(proxyBeanMethods = false)
class AnsibleAutoRegistration {

    @Bean
    RecordCheck ansibleAutoRegistrationCheck(SheetValues sheetValues) {
        return sheetValues.settingCheck(AnsibleMenus.AUTO_REGISTRATION, SheetValues.Target.HOSTS);
    }
}
