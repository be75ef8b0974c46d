CREATE TABLE "dekking_peil" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"bevestigd_sinds" timestamp with time zone NOT NULL,
	"geverifieerd_sinds" timestamp with time zone NOT NULL,
	"berekend_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dekking_peil_een_rij" CHECK ("dekking_peil"."id")
);
--> statement-breakpoint
CREATE TABLE "dekking_tellingen" (
	"organisatie_code" text NOT NULL,
	"expertisegebied_code" text NOT NULL,
	"actueel" integer NOT NULL,
	"geverifieerd" integer NOT NULL,
	CONSTRAINT "dekking_tellingen_organisatie_code_expertisegebied_code_pk" PRIMARY KEY("organisatie_code","expertisegebied_code")
);
--> statement-breakpoint
CREATE TABLE "dekking_vermeldingen" (
	"professional_id" uuid PRIMARY KEY NOT NULL,
	"organisatie_code" text NOT NULL,
	"expertise_pad" text[] NOT NULL,
	"status" "status" NOT NULL,
	"zichtbaarheid" "zichtbaarheid" NOT NULL,
	"bevestigd_op" timestamp with time zone NOT NULL,
	"geverifieerd_op" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "dekking_vermeldingen_bevestigd_idx" ON "dekking_vermeldingen" USING btree ("bevestigd_op");--> statement-breakpoint
CREATE INDEX "dekking_vermeldingen_geverifieerd_idx" ON "dekking_vermeldingen" USING btree ("geverifieerd_op");--> statement-breakpoint
-- One-off backfill from the search documents, which hold the same facts for every entry at this point; from here on
-- every change writes this table itself (src/inzichten/coverage-read-model.ts). The counts are built on first use,
-- because their cut-offs depend on the configured periods.
INSERT INTO "dekking_vermeldingen" ("professional_id", "organisatie_code", "expertise_pad", "status", "zichtbaarheid", "bevestigd_op", "geverifieerd_op")
SELECT "professional_id", "organisatie_code", "expertise_pad", "status", "zichtbaarheid", "bevestigd_op", "geverifieerd_op" FROM "zoekdocumenten";
