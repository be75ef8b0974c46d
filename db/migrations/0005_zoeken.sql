CREATE TABLE "zoekdocument_weergave" (
	"professional_id" uuid PRIMARY KEY NOT NULL,
	"document" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zoekdocumenten" (
	"professional_id" uuid PRIMARY KEY NOT NULL,
	"vector" "tsvector" NOT NULL,
	"organisatie_code" text NOT NULL,
	"organisatie_naam" text NOT NULL,
	"organisatie_type" text NOT NULL,
	"expertise_pad" text[] NOT NULL,
	"provincies" text[] NOT NULL,
	"rolniveau" "rolniveau" NOT NULL,
	"rolniveau_rang" smallint NOT NULL,
	"soort" "soort" NOT NULL,
	"zichtbaarheid" "zichtbaarheid" NOT NULL,
	"status" "status" NOT NULL,
	"geverifieerd_op" timestamp with time zone,
	"bevestigd_op" timestamp with time zone NOT NULL,
	"afwezig_tot" date,
	"versie" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zoeklog" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tijdstip" timestamp with time zone DEFAULT now() NOT NULL,
	"zoekterm" text NOT NULL,
	"filters" jsonb NOT NULL,
	"aantal" integer NOT NULL,
	"organisatie_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zoekwoorden" (
	"woord" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "zoekdocument_weergave" ADD CONSTRAINT "zoekdocument_weergave_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."professionals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zoekdocumenten" ADD CONSTRAINT "zoekdocumenten_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."professionals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "zoekdocumenten_vector_idx" ON "zoekdocumenten" USING gin ("vector");--> statement-breakpoint
CREATE INDEX "zoekdocumenten_expertise_idx" ON "zoekdocumenten" USING gin ("expertise_pad");--> statement-breakpoint
CREATE INDEX "zoekdocumenten_provincies_idx" ON "zoekdocumenten" USING gin ("provincies");--> statement-breakpoint
CREATE INDEX "zoekdocumenten_organisatie_idx" ON "zoekdocumenten" USING btree ("organisatie_code");--> statement-breakpoint
CREATE INDEX "zoekdocumenten_vindbaar_idx" ON "zoekdocumenten" USING btree ("status","bevestigd_op");--> statement-breakpoint
CREATE INDEX "zoeklog_onbeantwoord_idx" ON "zoeklog" USING btree ("tijdstip") WHERE aantal = 0;--> statement-breakpoint
CREATE INDEX "zoeklog_tijdstip_idx" ON "zoeklog" USING btree ("tijdstip");--> statement-breakpoint
CREATE INDEX "zoekwoorden_trgm_idx" ON "zoekwoorden" USING gin ("woord" gin_trgm_ops);