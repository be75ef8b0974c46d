ALTER TABLE "zoekindex_outbox" ADD COLUMN "volgende_poging_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "zoekindex_outbox" ADD COLUMN "dood_op" timestamp with time zone;