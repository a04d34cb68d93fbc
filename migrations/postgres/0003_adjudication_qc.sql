ALTER TABLE "adjudications" ADD COLUMN "qc" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "adjudications_qc_idx" ON "adjudications" USING btree ("qc","solution_id");