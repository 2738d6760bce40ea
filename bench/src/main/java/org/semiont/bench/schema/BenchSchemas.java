package org.semiont.bench.schema;

/** Generated schema files of N models: scalar fields, a unique, an index, an enum, a relation to the previous model. */
final class BenchSchemas {
    private BenchSchemas() {
    }

    static String psl(int models) {
        StringBuilder psl = new StringBuilder("""
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }

                enum Status {
                  ACTIVE
                  ARCHIVED
                }
                """);
        for (int i = 0; i < models; i++) {
            psl.append("\nmodel M").append(i).append(" {\n")
                    .append("  id        Int      @id @default(autoincrement())\n")
                    .append("  name      String   @db.VarChar(200)\n")
                    .append("  email     String   @unique\n")
                    .append("  score     Float?\n")
                    .append("  status    Status   @default(ACTIVE)\n")
                    .append("  tags      String[]\n")
                    .append("  createdAt DateTime @default(now())\n")
                    .append("  updatedAt DateTime @updatedAt\n");
            if (i > 0) {
                psl.append("  prevId    Int?\n")
                        .append("  prev      M").append(i - 1).append("? @relation(fields: [prevId], references: [id])\n");
            }
            if (i < models - 1) {
                psl.append("  nexts     M").append(i + 1).append("[]\n");
            }
            psl.append("\n  @@index([name, createdAt(sort: Desc)])\n}\n");
        }
        return psl.toString();
    }
}
