-- #tags, for the tag pages, and the indexes of discovery (suggested accounts, search by display
-- name). The DAL parses a caption's tags (SQL cannot) and writes them as posts.tags, a JSON array,
-- in the statement that writes the caption; these triggers copy them into post_tags inside that
-- same statement, so a post's tag rows always match its caption, on either driver, with no
-- transaction to forget. Existing posts keep tags = null until lib/posts/tags.ts backfills them.
CREATE TABLE `post_tags` (
	`tag` text NOT NULL,
	`post_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`post_id`, `tag`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `post_tags_tag_idx` ON `post_tags` (`tag`,`created_at`,`post_id`);--> statement-breakpoint
ALTER TABLE `posts` ADD `tags` text;--> statement-breakpoint
CREATE INDEX `posts_untagged_idx` ON `posts` (`id`) WHERE "posts"."tags" is null;--> statement-breakpoint
CREATE INDEX `users_follower_count_idx` ON `users` (`follower_count`,`id`);--> statement-breakpoint
CREATE INDEX `users_display_name_search_idx` ON `users` (lower("display_name"));--> statement-breakpoint
CREATE TRIGGER `posts_tags_after_insert` AFTER INSERT ON `posts` WHEN NEW.`tags` IS NOT NULL BEGIN
  INSERT OR IGNORE INTO `post_tags` (`tag`, `post_id`, `created_at`)
    SELECT `value`, NEW.`id`, NEW.`created_at` FROM json_each(NEW.`tags`);
END;--> statement-breakpoint
CREATE TRIGGER `posts_tags_after_update` AFTER UPDATE OF `tags` ON `posts` BEGIN
  DELETE FROM `post_tags` WHERE `post_id` = OLD.`id`;
  INSERT OR IGNORE INTO `post_tags` (`tag`, `post_id`, `created_at`)
    SELECT `value`, NEW.`id`, NEW.`created_at` FROM json_each(coalesce(NEW.`tags`, '[]'));
END;--> statement-breakpoint
CREATE TRIGGER `posts_tags_after_delete` AFTER DELETE ON `posts` BEGIN
  DELETE FROM `post_tags` WHERE `post_id` = OLD.`id`;
END;
