-- Items that must not run at the same time as another item with the same key (e.g. two Terraform
-- executions of one Terraform workspace): a claim takes such an item only while no item with its key runs.
ALTER TABLE backyard_item ADD COLUMN exclusive_key VARCHAR(160);
CREATE INDEX ix_item_exclusive ON backyard_item (exclusive_key, phase);
