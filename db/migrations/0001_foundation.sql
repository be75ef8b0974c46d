CREATE TYPE "public"."organisatie_bron" AS ENUM('register', 'handmatig');--> statement-breakpoint
CREATE TYPE "public"."organisatie_type" AS ENUM('gemeente', 'ministerie', 'agentschap', 'zbo', 'inspectie', 'provincie', 'waterschap', 'samenwerkingsverband');--> statement-breakpoint
CREATE TYPE "public"."expertise_categorie" AS ENUM('beleidsdomein', 'wet', 'thema', 'methode', 'bouwsteen');--> statement-breakpoint
CREATE TYPE "public"."rol" AS ENUM('beheerder', 'coordinator', 'pmm');--> statement-breakpoint
CREATE TABLE "organisaties" (
	"code" text PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"officiele_naam" text NOT NULL,
	"afkorting" text,
	"type" "organisatie_type" NOT NULL,
	"tooi_uri" text,
	"oin" text,
	"kvk" text,
	"register_id" text,
	"provincie" text,
	"ministerie_code" text,
	"actief" boolean DEFAULT true NOT NULL,
	"bron" "organisatie_bron" DEFAULT 'register' NOT NULL,
	"bijgewerkt_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisaties_tooi_uri_unique" UNIQUE("tooi_uri")
);
--> statement-breakpoint
CREATE TABLE "expertisegebieden" (
	"code" text PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"categorie" "expertise_categorie" NOT NULL,
	"parent_code" text,
	"omschrijving" text NOT NULL,
	"synoniemen" text[] DEFAULT '{}'::text[] NOT NULL,
	"volgorde" integer DEFAULT 0 NOT NULL,
	"actief" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roltoewijzingen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"rol" "rol" NOT NULL,
	"organisatie_code" text,
	"toegekend_door" text NOT NULL,
	"toegekend_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roltoewijzingen_uniek" UNIQUE NULLS NOT DISTINCT("issuer","subject","rol","organisatie_code"),
	CONSTRAINT "roltoewijzingen_organisatie_bij_coordinator" CHECK (("roltoewijzingen"."rol" = 'coordinator') = ("roltoewijzingen"."organisatie_code" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "seedversies" (
	"naam" text PRIMARY KEY NOT NULL,
	"versie" text NOT NULL,
	"toegepast_op" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisaties" ADD CONSTRAINT "organisaties_ministerie_code_organisaties_code_fk" FOREIGN KEY ("ministerie_code") REFERENCES "public"."organisaties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expertisegebieden" ADD CONSTRAINT "expertisegebieden_parent_code_expertisegebieden_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."expertisegebieden"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roltoewijzingen" ADD CONSTRAINT "roltoewijzingen_organisatie_code_organisaties_code_fk" FOREIGN KEY ("organisatie_code") REFERENCES "public"."organisaties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisaties_type_idx" ON "organisaties" USING btree ("type");--> statement-breakpoint
CREATE INDEX "organisaties_provincie_idx" ON "organisaties" USING btree ("provincie");--> statement-breakpoint
CREATE INDEX "organisaties_oin_idx" ON "organisaties" USING btree ("oin");--> statement-breakpoint
CREATE INDEX "organisaties_naam_trgm_idx" ON "organisaties" USING gin (immutable_unaccent(lower("naam")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "roltoewijzingen_persoon_idx" ON "roltoewijzingen" USING btree ("issuer","subject");