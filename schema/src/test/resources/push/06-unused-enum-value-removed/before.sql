CREATE TYPE "Status" AS ENUM ('DRAFT', 'LIVE', 'ARCHIVED');

CREATE TABLE "Doc" (
    "id" SERIAL NOT NULL,
    "status" "Status" NOT NULL DEFAULT 'DRAFT',
    "history" "Status"[],

    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);
