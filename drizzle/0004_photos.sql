-- Posts now point at their photo in the media store. The only posts before this were the demo's,
-- drawn as SVG files: they are removed here, with their likes (explicitly: drizzle's libSQL
-- migrator turns foreign keys off, so nothing cascades), and seeded again at the next
-- start, through the same photo pipeline as an upload. SQLite cannot add a NOT NULL column
-- without a default, so the (now empty) table is rebuilt; the like-count triggers name it, so
-- they are dropped first and created again after, unchanged (0001_like_count_triggers.sql).
DELETE FROM `likes`;--> statement-breakpoint
DELETE FROM `posts`;--> statement-breakpoint
DROP TRIGGER `likes_count_after_insert`;--> statement-breakpoint
DROP TRIGGER `likes_count_after_delete`;--> statement-breakpoint
CREATE TABLE `__new_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`author_id` integer NOT NULL,
	`image_key` text NOT NULL,
	`medium_key` text NOT NULL,
	`thumbnail_key` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`placeholder` text DEFAULT '' NOT NULL,
	`caption` text DEFAULT '' NOT NULL,
	`alt` text DEFAULT '' NOT NULL,
	`like_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "posts_like_count_non_negative" CHECK("__new_posts"."like_count" >= 0)
);--> statement-breakpoint
DROP TABLE `posts`;--> statement-breakpoint
ALTER TABLE `__new_posts` RENAME TO `posts`;--> statement-breakpoint
CREATE UNIQUE INDEX `posts_image_key_unique` ON `posts` (`image_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `posts_medium_key_unique` ON `posts` (`medium_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `posts_thumbnail_key_unique` ON `posts` (`thumbnail_key`);--> statement-breakpoint
CREATE INDEX `posts_feed_idx` ON `posts` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `posts_author_idx` ON `posts` (`author_id`);
--> statement-breakpoint
CREATE TRIGGER `likes_count_after_insert` AFTER INSERT ON `likes` BEGIN
  UPDATE `posts` SET `like_count` = `like_count` + 1 WHERE `id` = NEW.`post_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `likes_count_after_delete` AFTER DELETE ON `likes` BEGIN
  UPDATE `posts` SET `like_count` = `like_count` - 1 WHERE `id` = OLD.`post_id`;
END;
