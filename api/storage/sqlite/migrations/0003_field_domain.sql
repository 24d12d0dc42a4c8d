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
--> statement-breakpoint
CREATE INDEX `applicationEvents_region_id_idx` ON `applicationEvents` (`region_id`);--> statement-breakpoint
CREATE INDEX `applicationEvents_application_id_idx` ON `applicationEvents` (`application_id`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE INDEX `applications_region_id_idx` ON `applications` (`region_id`);--> statement-breakpoint
CREATE INDEX `applications_household_id_idx` ON `applications` (`household_id`);--> statement-breakpoint
CREATE INDEX `applications_site_id_idx` ON `applications` (`site_id`);--> statement-breakpoint
CREATE INDEX `applications_offered_unit_id_idx` ON `applications` (`offered_unit_id`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE INDEX `attachments_region_id_idx` ON `attachments` (`region_id`);--> statement-breakpoint
CREATE INDEX `attachments_household_id_idx` ON `attachments` (`household_id`);--> statement-breakpoint
CREATE INDEX `attachments_application_id_idx` ON `attachments` (`application_id`);--> statement-breakpoint
CREATE INDEX `attachments_inspection_id_idx` ON `attachments` (`inspection_id`);--> statement-breakpoint
CREATE INDEX `attachments_sha256_idx` ON `attachments` (`sha256`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE INDEX `duplicateFlags_region_id_idx` ON `duplicateFlags` (`region_id`);--> statement-breakpoint
CREATE INDEX `duplicateFlags_household_id_idx` ON `duplicateFlags` (`household_id`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE INDEX `households_region_id_idx` ON `households` (`region_id`);--> statement-breakpoint
CREATE INDEX `households_head_name_idx` ON `households` (`head_name`);--> statement-breakpoint
CREATE INDEX `households_head_nik_idx` ON `households` (`head_nik`);--> statement-breakpoint
CREATE INDEX `households_kk_number_idx` ON `households` (`kk_number`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE INDEX `leases_region_id_idx` ON `leases` (`region_id`);--> statement-breakpoint
CREATE INDEX `leases_agreement_number_idx` ON `leases` (`agreement_number`);--> statement-breakpoint
CREATE INDEX `leases_household_id_idx` ON `leases` (`household_id`);--> statement-breakpoint
CREATE INDEX `leases_unit_id_idx` ON `leases` (`unit_id`);--> statement-breakpoint
CREATE INDEX `leases_application_id_idx` ON `leases` (`application_id`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE INDEX `occupancyReports_region_id_idx` ON `occupancyReports` (`region_id`);--> statement-breakpoint
CREATE INDEX `occupancyReports_site_id_idx` ON `occupancyReports` (`site_id`);--> statement-breakpoint
CREATE INDEX `occupancyReports_site_id_month_idx` ON `occupancyReports` (`site_id`,`month`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE INDEX `programRules_region_id_idx` ON `programRules` (`region_id`);--> statement-breakpoint
ALTER TABLE `inspections` ADD `latitude` real;--> statement-breakpoint
ALTER TABLE `inspections` ADD `longitude` real;--> statement-breakpoint
ALTER TABLE `inspections` ADD `gps_accuracy_m` real;--> statement-breakpoint
ALTER TABLE `inspections` ADD `checklist` text DEFAULT '[]' NOT NULL;