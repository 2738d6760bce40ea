CREATE SCHEMA IF NOT EXISTS "app";

CREATE TYPE "app"."Plan" AS ENUM ('FREE', 'PRO');

ALTER TABLE "auth"."Session" ADD COLUMN "accountId" INTEGER NOT NULL;

CREATE TABLE "app"."Account" (
    "id" SERIAL NOT NULL,
    "plan" "app"."Plan" NOT NULL DEFAULT 'FREE',

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Session_accountId_idx" ON "auth"."Session"("accountId");

ALTER TABLE "auth"."Session" ADD CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "app"."Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
