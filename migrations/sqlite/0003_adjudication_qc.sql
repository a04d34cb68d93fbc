ALTER TABLE `adjudications` ADD `qc` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `adjudications_qc_idx` ON `adjudications` (`qc`,`solution_id`);