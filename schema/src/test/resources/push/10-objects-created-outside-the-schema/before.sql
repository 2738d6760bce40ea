CREATE TABLE "Thing" (
    "id" SERIAL NOT NULL,
    "legacy" TEXT,

    CONSTRAINT "Thing_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "thing_legacy_manual" ON "Thing"("legacy");
CREATE TABLE "audit_log" ("at" TIMESTAMPTZ NOT NULL DEFAULT now(), "what" TEXT);
CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY);
CREATE VIEW "one" AS SELECT 1 AS "one";
CREATE SCHEMA "other";
CREATE TABLE "other"."kept" ("id" INTEGER);
