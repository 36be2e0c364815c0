-- The conductor instance whose movement node registered an execution (Exastro's caller conductor), or null.
ALTER TABLE execution ADD COLUMN conductor_instance_id VARCHAR(36);
ALTER TABLE execution ADD COLUMN conductor_name VARCHAR(255);
