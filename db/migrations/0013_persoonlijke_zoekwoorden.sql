CREATE TABLE "persoonlijke_zoekwoorden" (
	"woord" text PRIMARY KEY NOT NULL,
	"aantal" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "zoekdocumenten_persoonlijk_trgm_idx";--> statement-breakpoint
CREATE INDEX "persoonlijke_zoekwoorden_trgm_idx" ON "persoonlijke_zoekwoorden" USING gin ("woord" gin_trgm_ops);