CREATE TABLE "Member" (
    "id" SERIAL NOT NULL,
    "org" TEXT NOT NULL,
    "email" TEXT,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);
