CREATE TYPE "public"."Status_new" AS ENUM ('DRAFT', 'LIVE');

ALTER TABLE "public"."Doc" ALTER COLUMN "status" DROP DEFAULT;

ALTER TABLE "public"."Doc" ALTER COLUMN "status" TYPE "public"."Status_new" USING ("status"::text::"public"."Status_new");

ALTER TABLE "public"."Doc" ALTER COLUMN "history" TYPE "public"."Status_new"[] USING ("history"::text[]::"public"."Status_new"[]);

ALTER TYPE "public"."Status" RENAME TO "Status_old";

ALTER TYPE "public"."Status_new" RENAME TO "Status";

DROP TYPE "public"."Status_old";

ALTER TABLE "public"."Doc" ALTER COLUMN "status" SET DEFAULT 'DRAFT';
