ALTER TABLE "public"."Thing" ADD COLUMN "seen" TIMESTAMPTZ(6);

ALTER TABLE "public"."Thing" ADD COLUMN "kind" VARCHAR(20) NOT NULL DEFAULT 'plain';

CREATE INDEX "Thing_name_kind_idx" ON "public"."Thing"("name" DESC, "kind");
