CREATE SCHEMA "auth";
CREATE TABLE "auth"."Session" ("id" TEXT NOT NULL, CONSTRAINT "Session_pkey" PRIMARY KEY ("id"));
CREATE TABLE "public"."untouched" ("id" INTEGER);
