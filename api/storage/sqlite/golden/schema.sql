CREATE TABLE `regions` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_id` text,
	`level` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `regions_parent_id_idx` ON `regions` (`parent_id`);
CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`latitude` real,
	`longitude` real,
	`floors` integer NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `sites_region_id_idx` ON `sites` (`region_id`);
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`site_id` text NOT NULL,
	`code` text NOT NULL,
	`block` text NOT NULL,
	`floor` integer NOT NULL,
	`number` text NOT NULL,
	`size_m2` real NOT NULL,
	`accessible` integer NOT NULL,
	`monthly_rent` integer NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `units_region_id_idx` ON `units` (`region_id`);
CREATE INDEX `units_site_id_idx` ON `units` (`site_id`);
CREATE INDEX `units_code_idx` ON `units` (`code`);
CREATE INDEX `units_site_id_code_idx` ON `units` (`site_id`,`code`);
CREATE TABLE `inspections` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`type` text DEFAULT 'periodic' NOT NULL,
	`inspected_on` text NOT NULL,
	`condition_rating` integer NOT NULL,
	`notes` text NOT NULL,
	`inspector_id` text NOT NULL,
	`recorded_at` text NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `inspections_region_id_idx` ON `inspections` (`region_id`);
CREATE INDEX `inspections_unit_id_idx` ON `inspections` (`unit_id`);
CREATE TABLE `conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text NOT NULL,
	`kept_value` text,
	`kept_seq` integer NOT NULL,
	`kept_by` text NOT NULL,
	`lost_value` text,
	`lost_by` text NOT NULL,
	`lost_device_id` text NOT NULL,
	`lost_mutation_id` text NOT NULL,
	`lost_client_time` text NOT NULL,
	`status` text NOT NULL,
	`resolved_by` text,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `conflicts_region_id_idx` ON `conflicts` (`region_id`);
CREATE INDEX `conflicts_record_id_idx` ON `conflicts` (`record_id`);
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`region_ids` text NOT NULL,
	`active` integer NOT NULL,
	`password_hash` text NOT NULL
);

CREATE UNIQUE INDEX `users_username_idx` ON `users` (`username`);
CREATE TABLE `change_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`region_id` text NOT NULL,
	`op` text NOT NULL,
	`data` text NOT NULL,
	`changed_fields` text,
	`user_id` text NOT NULL,
	`device_id` text,
	`mutation_id` text,
	`server_time` text NOT NULL
);

CREATE INDEX `change_log_region_seq_idx` ON `change_log` (`region_id`,`seq`);
CREATE INDEX `change_log_record_idx` ON `change_log` (`entity`,`record_id`);
CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`last_mutation_seq` integer NOT NULL,
	`app_version` text,
	`schema_version` integer,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL
);

CREATE TABLE `applied_mutations` (
	`mutation_id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`seq` integer NOT NULL,
	`result` text NOT NULL
);

CREATE INDEX `applied_mutations_device_seq_idx` ON `applied_mutations` (`device_id`,`seq`);
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text
);

CREATE TABLE `region_digests` (
	`region_id` text PRIMARY KEY NOT NULL,
	`record_count` integer NOT NULL,
	`hash` text NOT NULL
);

CREATE TABLE `change_log_compaction` (
	`id` integer PRIMARY KEY NOT NULL,
	`compacted_through` integer NOT NULL,
	`deleted_rows` integer NOT NULL,
	`compacted_at` text NOT NULL
);

