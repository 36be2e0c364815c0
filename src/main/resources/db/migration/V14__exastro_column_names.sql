-- Exastro ITA's REST names for the columns of the link, target host and substitution value menus, and
-- Exastro's name of the substitution value menu. Records are JSON written compactly by jita, so a key is
-- always `{"name":` or `,"name":`; inside a string value the quote would be escaped (\"), so values never match.

UPDATE menu_record SET record_data = REPLACE(REPLACE(record_data,
        '{"movement_name":', '{"movement":'), ',"movement_name":', ',"movement":')
    WHERE menu_name IN ('movement_playbook_link', 'target_host_ansible_legacy', 'substitution_value_list_ansible_legacy');
UPDATE menu_record SET record_data = REPLACE(REPLACE(record_data,
        '{"playbook_name":', '{"playbook_file":'), ',"playbook_name":', ',"playbook_file":')
    WHERE menu_name = 'movement_playbook_link';
UPDATE menu_record SET record_data = REPLACE(REPLACE(REPLACE(REPLACE(record_data,
        '{"operation_name":', '{"operation":'), ',"operation_name":', ',"operation":'),
        '{"host_name":', '{"host":'), ',"host_name":', ',"host":')
    WHERE menu_name IN ('target_host_ansible_legacy', 'substitution_value_list_ansible_legacy');

UPDATE menu_journal SET record_data = REPLACE(REPLACE(record_data,
        '{"movement_name":', '{"movement":'), ',"movement_name":', ',"movement":')
    WHERE menu_name IN ('movement_playbook_link', 'target_host_ansible_legacy', 'substitution_value_list_ansible_legacy');
UPDATE menu_journal SET record_data = REPLACE(REPLACE(record_data,
        '{"playbook_name":', '{"playbook_file":'), ',"playbook_name":', ',"playbook_file":')
    WHERE menu_name = 'movement_playbook_link';
UPDATE menu_journal SET record_data = REPLACE(REPLACE(REPLACE(REPLACE(record_data,
        '{"operation_name":', '{"operation":'), ',"operation_name":', ',"operation":'),
        '{"host_name":', '{"host":'), ',"host_name":', ',"host":')
    WHERE menu_name IN ('target_host_ansible_legacy', 'substitution_value_list_ansible_legacy');

UPDATE menu_unique_value SET unique_key = 'movement+playbook_file'
    WHERE menu_name = 'movement_playbook_link' AND unique_key = 'movement_name+playbook_name';
UPDATE menu_unique_value SET unique_key = 'operation+movement+host'
    WHERE menu_name = 'target_host_ansible_legacy' AND unique_key = 'operation_name+movement_name+host_name';
UPDATE menu_unique_value SET unique_key = 'operation+movement+host+variable_name'
    WHERE menu_name = 'substitution_value_list_ansible_legacy'
      AND unique_key = 'operation_name+movement_name+host_name+variable_name';

UPDATE menu_record SET menu_name = 'subst_value_list_ansible_legacy'
    WHERE menu_name = 'substitution_value_list_ansible_legacy';
UPDATE menu_unique_value SET menu_name = 'subst_value_list_ansible_legacy'
    WHERE menu_name = 'substitution_value_list_ansible_legacy';
UPDATE menu_journal SET menu_name = 'subst_value_list_ansible_legacy'
    WHERE menu_name = 'substitution_value_list_ansible_legacy';
