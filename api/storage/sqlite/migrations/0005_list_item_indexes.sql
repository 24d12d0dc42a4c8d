CREATE TABLE `households_members_nik` (
	`value` text NOT NULL,
	`record_id` text NOT NULL,
	PRIMARY KEY(`value`, `record_id`)
);
--> statement-breakpoint
CREATE INDEX `households_members_nik_record_idx` ON `households_members_nik` (`record_id`);--> statement-breakpoint
-- Added by hand to the generated file: fills the new index from the households already stored,
-- by the rule of indexedItemValues (api/storage/sqlite/list-items.ts; a test holds them equal).
INSERT OR IGNORE INTO `households_members_nik` (`value`, `record_id`)
SELECT json_extract(item.value, '$.nik'), h.id
FROM `households` h, json_each(h.members) item
WHERE h.deleted = 0 AND item.type = 'object'
  AND json_type(item.value, '$.nik') = 'text' AND json_extract(item.value, '$.nik') <> '';
