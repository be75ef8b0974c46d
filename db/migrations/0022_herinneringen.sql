CREATE TABLE "bevestigingslinks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"professional_id" uuid NOT NULL,
	"mail_id" bigint,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"verloopt_op" timestamp with time zone NOT NULL,
	"gebruikt_op" timestamp with time zone,
	CONSTRAINT "bevestigingslinks_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "herinneringen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"professional_id" uuid NOT NULL,
	"drempel_dagen" integer NOT NULL,
	"periode" timestamp with time zone NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "herinneringen_eenmalig" UNIQUE("professional_id","drempel_dagen","periode")
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"soort" text NOT NULL,
	"ontvanger" text NOT NULL,
	"ontvanger_rol" text NOT NULL,
	"herinnering_id" uuid,
	"overzicht_id" uuid,
	"professional_id" uuid,
	"organisatie_code" text NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	"pogingen" integer DEFAULT 0 NOT NULL,
	"laatste_fout" text,
	"volgende_poging_op" timestamp with time zone,
	"afgehandeld_op" timestamp with time zone,
	"uitkomst" text,
	"message_id" text,
	CONSTRAINT "mail_outbox_uitkomst" CHECK (("mail_outbox"."afgehandeld_op" IS NULL) = ("mail_outbox"."uitkomst" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "overzichten" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisatie_code" text NOT NULL,
	"periode" text NOT NULL,
	"aangemaakt_op" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overzichten_eenmalig" UNIQUE("organisatie_code","periode")
);
--> statement-breakpoint
ALTER TABLE "bevestigingslinks" ADD CONSTRAINT "bevestigingslinks_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."professionals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bevestigingslinks" ADD CONSTRAINT "bevestigingslinks_mail_id_mail_outbox_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."mail_outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "herinneringen" ADD CONSTRAINT "herinneringen_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."professionals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_herinnering_id_herinneringen_id_fk" FOREIGN KEY ("herinnering_id") REFERENCES "public"."herinneringen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_overzicht_id_overzichten_id_fk" FOREIGN KEY ("overzicht_id") REFERENCES "public"."overzichten"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."professionals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_organisatie_code_organisaties_code_fk" FOREIGN KEY ("organisatie_code") REFERENCES "public"."organisaties"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overzichten" ADD CONSTRAINT "overzichten_organisatie_code_organisaties_code_fk" FOREIGN KEY ("organisatie_code") REFERENCES "public"."organisaties"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bevestigingslinks_professional_idx" ON "bevestigingslinks" USING btree ("professional_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_open_idx" ON "mail_outbox" USING btree ("id") WHERE afgehandeld_op IS NULL;--> statement-breakpoint
CREATE INDEX "mail_outbox_opgegeven_idx" ON "mail_outbox" USING btree ("id") WHERE uitkomst = 'opgegeven';--> statement-breakpoint
CREATE INDEX "mail_outbox_professional_idx" ON "mail_outbox" USING btree ("professional_id");