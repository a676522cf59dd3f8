-- posts.like_count mirrors the likes rows. Triggers run inside the statement that changes likes,
-- so the count can never drift from the rows, whatever the driver or the concurrency.
CREATE TRIGGER `likes_count_after_insert` AFTER INSERT ON `likes` BEGIN
  UPDATE `posts` SET `like_count` = `like_count` + 1 WHERE `id` = NEW.`post_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `likes_count_after_delete` AFTER DELETE ON `likes` BEGIN
  UPDATE `posts` SET `like_count` = `like_count` - 1 WHERE `id` = OLD.`post_id`;
END;
