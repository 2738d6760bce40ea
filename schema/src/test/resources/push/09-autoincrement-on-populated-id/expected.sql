CREATE SEQUENCE "public"."Invoice_id_seq" AS INTEGER;

ALTER TABLE "public"."Invoice" ALTER COLUMN "id" SET DEFAULT nextval('"public"."Invoice_id_seq"');

ALTER SEQUENCE "public"."Invoice_id_seq" OWNED BY "public"."Invoice"."id";

SELECT setval('"public"."Invoice_id_seq"', COALESCE(MAX("id"), 0) + 1, false) FROM "public"."Invoice";
