CREATE TABLE "Thing" (
    "id" SERIAL NOT NULL,
    "name" TEXT,

    CONSTRAINT "Thing_pkey" PRIMARY KEY ("id")
);

