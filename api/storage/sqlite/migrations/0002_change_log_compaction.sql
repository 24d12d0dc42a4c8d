CREATE TABLE `change_log_compaction` (
	`id` integer PRIMARY KEY NOT NULL,
	`compacted_through` integer NOT NULL,
	`deleted_rows` integer NOT NULL,
	`compacted_at` text NOT NULL
);
