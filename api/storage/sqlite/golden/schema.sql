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
CREATE TABLE `programRules` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`name` text NOT NULL,
	`max_monthly_income` integer NOT NULL,
	`require_local_id_card` integer NOT NULL,
	`require_no_house_owned` integer NOT NULL,
	`effective_from` text NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `programRules_region_id_idx` ON `programRules` (`region_id`);
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
CREATE TABLE `households` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`head_name` text NOT NULL,
	`head_nik` text NOT NULL,
	`kk_number` text NOT NULL,
	`birth_date` text NOT NULL,
	`sex` text NOT NULL,
	`marital_status` text NOT NULL,
	`phone` text NOT NULL,
	`current_housing` text NOT NULL,
	`current_address` text NOT NULL,
	`has_local_id_card` integer NOT NULL,
	`owns_house` integer NOT NULL,
	`head_occupation` text NOT NULL,
	`head_income` text NOT NULL,
	`members` text NOT NULL,
	`registered_by` text NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `households_region_id_idx` ON `households` (`region_id`);
CREATE INDEX `households_head_name_idx` ON `households` (`head_name`);
CREATE INDEX `households_head_nik_idx` ON `households` (`head_nik`);
CREATE INDEX `households_kk_number_idx` ON `households` (`kk_number`);
CREATE TABLE `applications` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`household_id` text NOT NULL,
	`site_id` text NOT NULL,
	`status` text NOT NULL,
	`submitted_at` text,
	`decision_note` text,
	`offered_unit_id` text,
	`statement` text NOT NULL,
	`created_by` text NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `applications_region_id_idx` ON `applications` (`region_id`);
CREATE INDEX `applications_household_id_idx` ON `applications` (`household_id`);
CREATE INDEX `applications_site_id_idx` ON `applications` (`site_id`);
CREATE INDEX `applications_offered_unit_id_idx` ON `applications` (`offered_unit_id`);
CREATE TABLE `applicationEvents` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`application_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`comment` text NOT NULL,
	`field_comments` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`at` text NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `applicationEvents_region_id_idx` ON `applicationEvents` (`region_id`);
CREATE INDEX `applicationEvents_application_id_idx` ON `applicationEvents` (`application_id`);
CREATE TABLE `inspections` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`type` text DEFAULT 'periodic' NOT NULL,
	`inspected_on` text NOT NULL,
	`condition_rating` integer NOT NULL,
	`notes` text NOT NULL,
	`inspector_id` text NOT NULL,
	`latitude` real,
	`longitude` real,
	`gps_accuracy_m` real,
	`checklist` text DEFAULT '[]' NOT NULL,
	`recorded_at` text NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `inspections_region_id_idx` ON `inspections` (`region_id`);
CREATE INDEX `inspections_unit_id_idx` ON `inspections` (`unit_id`);
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`household_id` text,
	`application_id` text,
	`inspection_id` text,
	`item_key` text,
	`kind` text NOT NULL,
	`sha256` text NOT NULL,
	`mime_type` text NOT NULL,
	`byte_size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`captured_at` text NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `attachments_region_id_idx` ON `attachments` (`region_id`);
CREATE INDEX `attachments_household_id_idx` ON `attachments` (`household_id`);
CREATE INDEX `attachments_application_id_idx` ON `attachments` (`application_id`);
CREATE INDEX `attachments_inspection_id_idx` ON `attachments` (`inspection_id`);
CREATE INDEX `attachments_sha256_idx` ON `attachments` (`sha256`);
CREATE TABLE `leases` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`agreement_number` text NOT NULL,
	`household_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`application_id` text,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`monthly_rent` integer NOT NULL,
	`deposit` integer NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `leases_region_id_idx` ON `leases` (`region_id`);
CREATE INDEX `leases_agreement_number_idx` ON `leases` (`agreement_number`);
CREATE INDEX `leases_household_id_idx` ON `leases` (`household_id`);
CREATE INDEX `leases_unit_id_idx` ON `leases` (`unit_id`);
CREATE INDEX `leases_application_id_idx` ON `leases` (`application_id`);
CREATE TABLE `occupancyReports` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`site_id` text NOT NULL,
	`month` text NOT NULL,
	`status` text NOT NULL,
	`rows` text NOT NULL,
	`submitted_at` text,
	`prepared_by` text NOT NULL,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `occupancyReports_region_id_idx` ON `occupancyReports` (`region_id`);
CREATE INDEX `occupancyReports_site_id_idx` ON `occupancyReports` (`site_id`);
CREATE INDEX `occupancyReports_site_id_month_idx` ON `occupancyReports` (`site_id`,`month`);
CREATE TABLE `duplicateFlags` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`household_id` text NOT NULL,
	`nik` text NOT NULL,
	`other_household_id` text NOT NULL,
	`other_region_name` text NOT NULL,
	`status` text NOT NULL,
	`resolved_by` text,
	`version` integer NOT NULL,
	`deleted` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);

CREATE INDEX `duplicateFlags_region_id_idx` ON `duplicateFlags` (`region_id`);
CREATE INDEX `duplicateFlags_household_id_idx` ON `duplicateFlags` (`household_id`);
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
CREATE TABLE `households_members_nik` (
	`value` text NOT NULL,
	`record_id` text NOT NULL,
	PRIMARY KEY(`value`, `record_id`)
);

CREATE INDEX `households_members_nik_record_idx` ON `households_members_nik` (`record_id`);
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
CREATE TABLE `change_log_history` (
	`seq` integer PRIMARY KEY NOT NULL,
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

CREATE INDEX `change_log_history_record_idx` ON `change_log_history` (`entity`,`record_id`);
CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`last_mutation_seq` integer NOT NULL,
	`app_version` text,
	`schema_version` integer,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`protocol_version` integer,
	`pending_count` integer,
	`pending_uploads` integer,
	`last_sync_at` text,
	`reported_at` text
);

CREATE TABLE `applied_mutations` (
	`mutation_id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`seq` integer NOT NULL,
	`result` text NOT NULL,
	`entity` text,
	`record_id` text
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

