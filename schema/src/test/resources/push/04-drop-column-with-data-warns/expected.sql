ALTER TABLE "public"."Thing" DROP COLUMN "name";
