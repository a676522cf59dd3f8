-- Mail-backed account flows: single-use tokens (verify email, reset password, change email), the
-- email's confirmation time, and the login history behind new-login alerts and the data export.
-- Only new tables and a nullable column: no table is rebuilt, so no row of users or posts can go.
CREATE TABLE `account_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`email` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "account_tokens_kind" CHECK("account_tokens"."kind" in ('verify-email', 'reset-password', 'change-email'))
);
--> statement-breakpoint
CREATE INDEX `account_tokens_user_idx` ON `account_tokens` (`user_id`,`kind`);--> statement-breakpoint
CREATE INDEX `account_tokens_expires_idx` ON `account_tokens` (`expires_at`);--> statement-breakpoint
CREATE TABLE `login_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`device_hash` text NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `login_history_device_idx` ON `login_history` (`user_id`,`device_hash`);--> statement-breakpoint
CREATE INDEX `login_history_user_idx` ON `login_history` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `email_verified_at` integer;--> statement-breakpoint
-- The demo accounts (lib/db/demo-content.ts) count as confirmed; real accounts confirm by mail.
UPDATE `users` SET `email_verified_at` = `created_at`
  WHERE `email` IN ('demo@example.com', 'chinu@example.com', 'maya.bakes@example.com', 'arjun_clicks@example.com');--> statement-breakpoint
-- A new password voids every reset link, however it was changed; a new email voids the links
-- mailed to the old one. Triggers, so no code path can forget (drizzle's libSQL migrator runs with
-- foreign keys off, and these do not depend on them).
CREATE TRIGGER `users_password_voids_reset_tokens` AFTER UPDATE OF `password_hash` ON `users`
  WHEN NEW.`password_hash` IS NOT OLD.`password_hash` BEGIN
  DELETE FROM `account_tokens` WHERE `user_id` = NEW.`id` AND `kind` = 'reset-password';
END;--> statement-breakpoint
CREATE TRIGGER `users_email_voids_tokens` AFTER UPDATE OF `email` ON `users`
  WHEN NEW.`email` IS NOT OLD.`email` BEGIN
  DELETE FROM `account_tokens` WHERE `user_id` = NEW.`id` AND `kind` IN ('verify-email', 'reset-password');
END;
