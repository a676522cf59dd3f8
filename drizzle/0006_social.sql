-- Profiles, follows, comments and notifications. Every count and every notification is kept by
-- triggers, inside the statement that changes the rows they describe, so none can drift from its
-- rows whatever the driver or the concurrency (as posts.like_count, 0001_like_count_triggers.sql).
-- Withdrawals name their notification explicitly rather than trusting a cascade: drizzle's
-- libSQL migrator runs with foreign keys off, and a trigger does not depend on them.
CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comments_post_idx` ON `comments` (`post_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `comments_author_idx` ON `comments` (`author_id`);--> statement-breakpoint
CREATE TABLE `follows` (
	`follower_id` integer NOT NULL,
	`followee_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`follower_id`, `followee_id`),
	FOREIGN KEY (`follower_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`followee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "follows_not_self" CHECK("follows"."follower_id" <> "follows"."followee_id")
);
--> statement-breakpoint
CREATE INDEX `follows_followee_idx` ON `follows` (`followee_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `follows_follower_idx` ON `follows` (`follower_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_id` integer NOT NULL,
	`actor_id` integer NOT NULL,
	`kind` text NOT NULL,
	`post_id` integer,
	`comment_id` integer,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notifications_kind" CHECK("notifications"."kind" in ('like', 'comment', 'follow'))
);
--> statement-breakpoint
CREATE INDEX `notifications_recipient_idx` ON `notifications` (`recipient_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`recipient_id`) WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX `notifications_post_idx` ON `notifications` (`post_id`,`actor_id`);--> statement-breakpoint
CREATE INDEX `notifications_actor_idx` ON `notifications` (`actor_id`,`recipient_id`);--> statement-breakpoint
CREATE INDEX `notifications_comment_idx` ON `notifications` (`comment_id`);--> statement-breakpoint
DROP INDEX `posts_author_idx`;--> statement-breakpoint
ALTER TABLE `posts` ADD `comment_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `posts_author_idx` ON `posts` (`author_id`,`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `users` ADD `display_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `bio` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `avatar_key` text;--> statement-breakpoint
ALTER TABLE `users` ADD `post_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `follower_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `following_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `users_avatar_key_unique` ON `users` (`avatar_key`);--> statement-breakpoint
UPDATE `users` SET `post_count` = (SELECT count(*) FROM `posts` WHERE `posts`.`author_id` = `users`.`id`);--> statement-breakpoint
CREATE TRIGGER `posts_count_after_insert` AFTER INSERT ON `posts` BEGIN
  UPDATE `users` SET `post_count` = `post_count` + 1 WHERE `id` = NEW.`author_id`;
END;--> statement-breakpoint
CREATE TRIGGER `posts_count_after_delete` AFTER DELETE ON `posts` BEGIN
  UPDATE `users` SET `post_count` = `post_count` - 1 WHERE `id` = OLD.`author_id`;
  DELETE FROM `notifications` WHERE `post_id` = OLD.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `follows_after_insert` AFTER INSERT ON `follows` BEGIN
  UPDATE `users` SET `follower_count` = `follower_count` + 1 WHERE `id` = NEW.`followee_id`;
  UPDATE `users` SET `following_count` = `following_count` + 1 WHERE `id` = NEW.`follower_id`;
  INSERT INTO `notifications` (`recipient_id`, `actor_id`, `kind`, `created_at`)
    VALUES (NEW.`followee_id`, NEW.`follower_id`, 'follow', NEW.`created_at`);
END;--> statement-breakpoint
CREATE TRIGGER `follows_after_delete` AFTER DELETE ON `follows` BEGIN
  UPDATE `users` SET `follower_count` = `follower_count` - 1 WHERE `id` = OLD.`followee_id`;
  UPDATE `users` SET `following_count` = `following_count` - 1 WHERE `id` = OLD.`follower_id`;
  DELETE FROM `notifications`
    WHERE `actor_id` = OLD.`follower_id` AND `recipient_id` = OLD.`followee_id` AND `kind` = 'follow';
END;--> statement-breakpoint
CREATE TRIGGER `comments_after_insert` AFTER INSERT ON `comments` BEGIN
  UPDATE `posts` SET `comment_count` = `comment_count` + 1 WHERE `id` = NEW.`post_id`;
  INSERT INTO `notifications` (`recipient_id`, `actor_id`, `kind`, `post_id`, `comment_id`, `created_at`)
    SELECT `author_id`, NEW.`author_id`, 'comment', NEW.`post_id`, NEW.`id`, NEW.`created_at`
    FROM `posts` WHERE `id` = NEW.`post_id` AND `author_id` <> NEW.`author_id`;
END;--> statement-breakpoint
CREATE TRIGGER `comments_after_delete` AFTER DELETE ON `comments` BEGIN
  UPDATE `posts` SET `comment_count` = `comment_count` - 1 WHERE `id` = OLD.`post_id`;
  DELETE FROM `notifications` WHERE `comment_id` = OLD.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `likes_notify_after_insert` AFTER INSERT ON `likes` BEGIN
  INSERT INTO `notifications` (`recipient_id`, `actor_id`, `kind`, `post_id`, `created_at`)
    SELECT `author_id`, NEW.`user_id`, 'like', NEW.`post_id`, NEW.`created_at`
    FROM `posts` WHERE `id` = NEW.`post_id` AND `author_id` <> NEW.`user_id`;
END;--> statement-breakpoint
CREATE TRIGGER `likes_notify_after_delete` AFTER DELETE ON `likes` BEGIN
  DELETE FROM `notifications` WHERE `post_id` = OLD.`post_id` AND `actor_id` = OLD.`user_id` AND `kind` = 'like';
END;
