CREATE TABLE "scim_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisatie_code" text NOT NULL,
	"token_hash" text NOT NULL,
	"omschrijving" text,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"laatst_gebruikt_op" timestamp with time zone,
	"ingetrokken_op" timestamp with time zone,
	CONSTRAINT "scim_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "professionals" ADD COLUMN "gebruikersnaam" text;--> statement-breakpoint
ALTER TABLE "professionals" ADD COLUMN "extern_id" text;--> statement-breakpoint
ALTER TABLE "scim_tokens" ADD CONSTRAINT "scim_tokens_organisatie_code_organisaties_code_fk" FOREIGN KEY ("organisatie_code") REFERENCES "public"."organisaties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scim_tokens_organisatie_idx" ON "scim_tokens" USING btree ("organisatie_code");--> statement-breakpoint
CREATE UNIQUE INDEX "professionals_gebruikersnaam_per_organisatie" ON "professionals" USING btree ("organisatie_code",lower("gebruikersnaam"));