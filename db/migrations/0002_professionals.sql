CREATE TYPE "public"."rolniveau" AS ENUM('uitvoering', 'specialist', 'coordinatie', 'management', 'bestuur');--> statement-breakpoint
CREATE TYPE "public"."soort" AS ENUM('persoon', 'team');--> statement-breakpoint
CREATE TYPE "public"."status" AS ENUM('actief', 'inactief');--> statement-breakpoint
CREATE TYPE "public"."zichtbaarheid" AS ENUM('alle-professionals', 'eigen-organisatie', 'pmm');--> statement-breakpoint
CREATE TYPE "public"."audit_resultaat" AS ENUM('gelukt', 'geweigerd');--> statement-breakpoint
CREATE TABLE "professional_expertisegebieden" (
	"professional_id" uuid NOT NULL,
	"expertisegebied_code" text NOT NULL,
	"volgorde" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "professional_expertisegebieden_professional_id_expertisegebied_code_pk" PRIMARY KEY("professional_id","expertisegebied_code")
);
--> statement-breakpoint
CREATE TABLE "professionals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"soort" "soort" NOT NULL,
	"naam" text NOT NULL,
	"functie" text NOT NULL,
	"afdeling" text,
	"organisatie_code" text NOT NULL,
	"rolniveau" "rolniveau" NOT NULL,
	"trefwoorden" text[] DEFAULT '{}'::text[] NOT NULL,
	"werkgebied" text[] DEFAULT '{}'::text[] NOT NULL,
	"email" text NOT NULL,
	"telefoon" text,
	"bereikbaarheid" text,
	"over_mij" text,
	"zichtbaarheid" "zichtbaarheid" DEFAULT 'alle-professionals' NOT NULL,
	"escalatiecontact" boolean DEFAULT false NOT NULL,
	"afwezig_tot" date,
	"status" "status" DEFAULT 'actief' NOT NULL,
	"geverifieerd_op" timestamp with time zone,
	"bevestigd_op" timestamp with time zone DEFAULT now() NOT NULL,
	"eigenaar_issuer" text,
	"eigenaar_subject" text,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"gewijzigd_op" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auditlog" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"volgnummer" bigint DEFAULT 0 NOT NULL,
	"tijdstip" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"actie" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"resultaat" "audit_resultaat" NOT NULL,
	"herkomst" text NOT NULL,
	"actor_issuer" text,
	"actor_subject" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"vorige_hash" text DEFAULT '' NOT NULL,
	"hash" text DEFAULT '' NOT NULL,
	CONSTRAINT "auditlog_volgnummer_unique" UNIQUE("volgnummer")
);
--> statement-breakpoint
CREATE TABLE "zoekindex_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"professional_id" uuid NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"verwerkt_op" timestamp with time zone,
	"pogingen" integer DEFAULT 0 NOT NULL,
	"laatste_fout" text
);
--> statement-breakpoint
ALTER TABLE "professional_expertisegebieden" ADD CONSTRAINT "professional_expertisegebieden_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."professionals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_expertisegebieden" ADD CONSTRAINT "professional_expertisegebieden_expertisegebied_code_expertisegebieden_code_fk" FOREIGN KEY ("expertisegebied_code") REFERENCES "public"."expertisegebieden"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionals" ADD CONSTRAINT "professionals_organisatie_code_organisaties_code_fk" FOREIGN KEY ("organisatie_code") REFERENCES "public"."organisaties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "professional_expertise_code_idx" ON "professional_expertisegebieden" USING btree ("expertisegebied_code");--> statement-breakpoint
CREATE UNIQUE INDEX "professionals_email_per_organisatie" ON "professionals" USING btree ("organisatie_code","email");--> statement-breakpoint
CREATE UNIQUE INDEX "professionals_eigenaar" ON "professionals" USING btree ("eigenaar_issuer","eigenaar_subject");--> statement-breakpoint
CREATE INDEX "professionals_organisatie_idx" ON "professionals" USING btree ("organisatie_code","status");--> statement-breakpoint
CREATE INDEX "professionals_bevestigd_idx" ON "professionals" USING btree ("bevestigd_op");--> statement-breakpoint
CREATE INDEX "auditlog_object_idx" ON "auditlog" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "auditlog_actor_idx" ON "auditlog" USING btree ("actor_issuer","actor_subject");--> statement-breakpoint
CREATE INDEX "auditlog_tijdstip_idx" ON "auditlog" USING btree ("tijdstip");--> statement-breakpoint
CREATE INDEX "zoekindex_outbox_open_idx" ON "zoekindex_outbox" USING btree ("id") WHERE verwerkt_op IS NULL;