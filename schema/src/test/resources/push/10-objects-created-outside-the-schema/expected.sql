DROP INDEX "public"."thing_legacy_manual";

DROP TABLE "public"."audit_log";
