CREATE TABLE "Reading" (
    "id" SERIAL NOT NULL,
    "value" BIGINT NOT NULL,
    "label" VARCHAR(100),
    "ratio" INTEGER,

    CONSTRAINT "Reading_pkey" PRIMARY KEY ("id")
);
