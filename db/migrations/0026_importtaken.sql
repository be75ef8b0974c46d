CREATE TYPE "public"."importtaak_status" AS ENUM('wachtend', 'bezig', 'klaar', 'mislukt');--> statement-breakpoint
CREATE TABLE "importtaken" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisatie_code" text NOT NULL,
	"proefrun" boolean NOT NULL,
	"status" "importtaak_status" DEFAULT 'wachtend' NOT NULL,
	"bestand" text,
	"aanvrager" jsonb NOT NULL,
	"herkomst" text NOT NULL,
	"regels" integer NOT NULL,
	"verwerkt" integer DEFAULT 0 NOT NULL,
	"fase" text DEFAULT 'wachten' NOT NULL,
	"pogingen" integer DEFAULT 0 NOT NULL,
	"rapport" jsonb,
	"foutmelding" text,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"levensteken" timestamp with time zone,
	"klaar_op" timestamp with time zone,
	CONSTRAINT "importtaken_klaar" CHECK (("importtaken"."status" IN ('klaar', 'mislukt')) = ("importtaken"."klaar_op" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "importtaken" ADD CONSTRAINT "importtaken_organisatie_code_organisaties_code_fk" FOREIGN KEY ("organisatie_code") REFERENCES "public"."organisaties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "importtaken_open_idx" ON "importtaken" USING btree ("status") WHERE "importtaken"."status" IN ('wachtend', 'bezig');--> statement-breakpoint
CREATE INDEX "importtaken_organisatie_idx" ON "importtaken" USING btree ("organisatie_code","aangemaakt_op");