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
--> statement-breakpoint
CREATE INDEX `conflicts_region_id_idx` ON `conflicts` (`region_id`);--> statement-breakpoint
CREATE INDEX `conflicts_record_id_idx` ON `conflicts` (`record_id`);--> statement-breakpoint
CREATE TABLE `region_digests` (
	`region_id` text PRIMARY KEY NOT NULL,
	`record_count` integer NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `inspections` ADD `type` text DEFAULT 'periodic' NOT NULL;--> statement-breakpoint
ALTER TABLE `change_log` ADD `changed_fields` text;