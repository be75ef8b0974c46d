CREATE TABLE "casusroutering_gebruik" (
	"organisatie_code" text PRIMARY KEY NOT NULL,
	"aantal" integer DEFAULT 0 NOT NULL,
	"laatst_gevraagd" timestamp with time zone DEFAULT now() NOT NULL
);
