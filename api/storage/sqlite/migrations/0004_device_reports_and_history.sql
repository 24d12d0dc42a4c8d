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
--> statement-breakpoint
CREATE INDEX `change_log_history_record_idx` ON `change_log_history` (`entity`,`record_id`);--> statement-breakpoint
ALTER TABLE `applied_mutations` ADD `entity` text;--> statement-breakpoint
ALTER TABLE `applied_mutations` ADD `record_id` text;--> statement-breakpoint
ALTER TABLE `devices` ADD `protocol_version` integer;--> statement-breakpoint
ALTER TABLE `devices` ADD `pending_count` integer;--> statement-breakpoint
ALTER TABLE `devices` ADD `pending_uploads` integer;--> statement-breakpoint
ALTER TABLE `devices` ADD `last_sync_at` text;--> statement-breakpoint
ALTER TABLE `devices` ADD `reported_at` text;