CREATE TABLE `pending_media` (
	`key` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pending_media_created_idx` ON `pending_media` (`created_at`);